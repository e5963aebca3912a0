package cg.lawenforcement.violations;

import cg.lawenforcement.access.CodedError;
import cg.lawenforcement.auth.Identity;
import cg.lawenforcement.auth.IdentityCodec;
import cg.lawenforcement.auth.RequestSigning;
import cg.lawenforcement.violations.Inputs.FollowUpInspectionInput;
import cg.lawenforcement.violations.Inputs.RecordViolationInput;
import cg.lawenforcement.violations.Inputs.RectificationNoticeInput;
import cg.lawenforcement.violations.Inputs.ViolationFilter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.bson.types.ObjectId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Violations and their life cycle: FOUND → (整改通知) NOTICE_ISSUED → (复查) RECTIFIED, or ESCALATED when an
 * inspection after the deadline finds it not rectified. Bad input is BAD_USER_INPUT and changes nothing.
 */
@Service
public class ViolationService {
  static final Set<String> KINDS = Set.of("ILLEGAL_CONSTRUCTION", "STREET_VENDING", "ILLEGAL_ADVERTISING", "ILLEGAL_PARKING", "NUISANCE", "DUMPING", "OTHER");
  static final Set<String> STATUSES = Set.of("FOUND", "NOTICE_ISSUED", "RECTIFIED", "ESCALATED");
  private static final Pattern PHONE = Pattern.compile("^1\\d{10}$");
  private static final Pattern KEY = Pattern.compile("^[\\w:.-]{1,100}$");
  private static final Pattern DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");
  /** Deadlines are local dates where the communities are (China Standard Time). */
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private final MongoTemplate mongo;

  public ViolationService(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  public Violation find(String id) {
    return mongo.findById(requireId(id, "id"), Violation.class);
  }

  /** By id, in the order asked, null for a miss (for `_entities`). */
  public List<Violation> findAll(List<String> ids) {
    Map<String, Violation> byId = new java.util.HashMap<>();
    for (Violation v : mongo.find(Query.query(Criteria.where("_id").in(ids.stream().distinct().toList())), Violation.class)) byId.put(v.id(), v);
    return ids.stream().map(byId::get).toList();
  }

  public List<Violation> byJointCases(Collection<String> caseIds) {
    return mongo.find(Query.query(Criteria.where("jointCaseId").in(caseIds)).with(Sort.by("_id")), Violation.class);
  }

  public List<Violation> openAtBuildings(Collection<String> buildingIds) {
    // One id is a top-level equality (run in SQL on FerretDB); several an $in.
    Criteria at = buildingIds.size() == 1 ? Criteria.where("buildingId").is(buildingIds.iterator().next()) : Criteria.where("buildingId").in(buildingIds);
    return mongo.find(Query.query(at.and("open").is(true)).with(Sort.by("_id")), Violation.class);
  }

  public Connection<Violation> list(ViolationFilter filter, Integer first, String after) {
    int n = first == null ? 20 : first;
    if (n < 1 || n > 100) throw CodedError.badInput("first must be between 1 and 100", "first");
    Criteria criteria = new Criteria();
    if (filter != null) {
      if (filter.buildingId() != null) criteria.and("buildingId").is(requireId(filter.buildingId(), "filter.buildingId"));
      if (filter.jointCaseId() != null) criteria.and("jointCaseId").is(requireId(filter.jointCaseId(), "filter.jointCaseId"));
      if (filter.status() != null) criteria.and("status").is(filter.status());
      if (filter.kind() != null) criteria.and("kind").is(filter.kind());
    }
    long total = mongo.count(Query.query(criteria), Violation.class);
    Query page = Query.query(criteria).with(Sort.by("_id")).limit(n + 1);
    if (after != null) page.addCriteria(Criteria.where("_id").gt(requireId(after, "after")));
    return Connection.of(total, mongo.find(page, Violation.class), n, Violation::id);
  }

  public Violation record(RecordViolationInput input, Identity by) {
    if (input.kind() == null || !KINDS.contains(input.kind())) throw CodedError.badInput("kind must be one of " + KINDS, "kind");
    String buildingId = requireId(input.buildingId(), "buildingId");
    String jointCaseId = input.jointCaseId() == null ? null : requireId(input.jointCaseId(), "jointCaseId");
    String description = text(input.description(), "description", 500, true);
    String partyName = text(input.partyName(), "partyName", 50, false);
    if (input.partyPhone() != null && !PHONE.matcher(input.partyPhone()).matches()) throw CodedError.badInput("partyPhone must be an 11-digit mobile number", "partyPhone");
    if (input.idempotencyKey() != null && !KEY.matcher(input.idempotencyKey()).matches()) throw CodedError.badInput("idempotencyKey must be 1–100 letters, digits, _ : . -", "idempotencyKey");
    // A key gives the same id for the same caller, so a retry is the same insert and finds the first one's document.
    String id = input.idempotencyKey() == null ? new ObjectId().toHexString()
        : RequestSigning.sha256Hex((by.subject() + "\u0000" + input.idempotencyKey()).getBytes(StandardCharsets.UTF_8)).substring(0, 24);
    Instant now = Instant.now();
    Violation violation = new Violation(id, input.kind(), jointCaseId == null ? "PATROL" : "JOINT_CASE", "FOUND", true, buildingId, jointCaseId, description, now,
        by.subject(), partyName, input.partyPhone(), null, List.of(), List.of(new Violation.Action(now, by.subject(), "RECORDED", description)), 1);
    try {
      return mongo.insert(violation);
    } catch (DuplicateKeyException retry) {
      Violation first = mongo.findById(id, Violation.class);
      if (first == null || !first.kind().equals(input.kind()) || !first.buildingId().equals(buildingId)) {
        throw new CodedError("CONFLICT", "idempotencyKey was already used for another violation", Map.of("field", "idempotencyKey"));
      }
      return first;
    }
  }

  public Violation issueNotice(String violationId, RectificationNoticeInput input, Identity by) {
    Violation v = existing(violationId);
    LocalDate deadline = date(input.deadline(), "deadline");
    if (deadline.isBefore(LocalDate.now(ZONE))) throw CodedError.badInput("deadline must be today or later", "deadline");
    String requirement = text(input.requirement(), "requirement", 500, true);
    if (!v.status().equals("FOUND")) throw CodedError.illegalTransition("a notice is issued only for a FOUND violation; this one is " + v.status(), v.status());
    Instant now = Instant.now();
    String number = "城执整字〔" + LocalDate.now(ZONE).getYear() + "〕" + v.id().substring(18) + "号";
    Violation.Notice notice = new Violation.Notice(number, now, deadline.toString(), requirement);
    return change(v, new Update().set("status", "NOTICE_ISSUED").set("notice", notice)
        .push("actions", new Violation.Action(now, by.subject(), "NOTICE_ISSUED", "限期" + deadline + "前整改：" + requirement)));
  }

  public Violation inspect(String violationId, FollowUpInspectionInput input, Identity by) {
    Violation v = existing(violationId);
    if (input.rectified() == null) throw CodedError.badInput("rectified is required", "rectified");
    String note = text(input.note(), "note", 500, false);
    if (!v.status().equals("NOTICE_ISSUED")) throw CodedError.illegalTransition("only a violation under a notice is inspected; this one is " + v.status(), v.status());
    Instant now = Instant.now();
    boolean late = LocalDate.now(ZONE).isAfter(LocalDate.parse(v.notice().deadline()));
    String status = input.rectified() ? "RECTIFIED" : late ? "ESCALATED" : "NOTICE_ISSUED";
    Update update = new Update().set("status", status).set("open", !status.equals("RECTIFIED"))
        .push("inspections", new Violation.Inspection(now, by.subject(), input.rectified(), note));
    List<Violation.Action> actions = new ArrayList<>();
    actions.add(new Violation.Action(now, by.subject(), input.rectified() ? "INSPECTED_RECTIFIED" : "INSPECTED_NOT_RECTIFIED", note));
    if (status.equals("ESCALATED")) actions.add(new Violation.Action(now, by.subject(), "ESCALATED", "逾期未整改，立案查处"));
    update.push("actions").each(actions.toArray());
    return change(v, update);
  }

  /**
   * Applies `update` if the violation is still at the version read. On MongoDB the conditional update is atomic; on
   * FerretDB v1 it is read-then-write, so two officers acting on one violation in the same instant may both pass.
   */
  private Violation change(Violation v, Update update) {
    update.inc("version", 1);
    long matched = mongo.updateFirst(Query.query(Criteria.where("_id").is(v.id()).and("version").is(v.version())), update, Violation.class).getMatchedCount();
    if (matched == 0) throw new CodedError("CONFLICT", "the violation changed meanwhile; read it again and retry", Map.of("id", v.id()));
    return mongo.findById(v.id(), Violation.class);
  }

  private Violation existing(String id) {
    Violation v = find(requireId(id, "violationId"));
    if (v == null) throw CodedError.notFound("violation", id);
    return v;
  }

  static String requireId(String value, String field) {
    if (value == null || !IdentityCodec.ID.matcher(value).matches()) throw CodedError.badInput(field + " must be a 24-character hexadecimal id", field);
    return value;
  }

  private static String text(String value, String field, int max, boolean required) {
    if (value == null) {
      if (required) throw CodedError.badInput(field + " is required", field);
      return null;
    }
    String trimmed = value.strip();
    if ((required && trimmed.isEmpty()) || trimmed.codePointCount(0, trimmed.length()) > max) throw CodedError.badInput(field + " must be 1–" + max + " characters", field);
    return trimmed.isEmpty() ? null : trimmed;
  }

  private static LocalDate date(String value, String field) {
    if (value == null || !DATE.matcher(value).matches()) throw CodedError.badInput(field + " must be a date YYYY-MM-DD", field);
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw CodedError.badInput(field + " is not a calendar date", field);
    }
  }
}
