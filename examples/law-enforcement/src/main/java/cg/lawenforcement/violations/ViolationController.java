package cg.lawenforcement.violations;

import cg.lawenforcement.access.AccessInstrumentation;
import cg.lawenforcement.violations.Inputs.FollowUpInspectionInput;
import cg.lawenforcement.violations.Inputs.RecordViolationInput;
import cg.lawenforcement.violations.Inputs.RectificationNoticeInput;
import cg.lawenforcement.violations.Inputs.ViolationFilter;
import cg.lawenforcement.violations.Refs.ActionView;
import cg.lawenforcement.violations.Refs.Building;
import cg.lawenforcement.violations.Refs.JointCase;
import graphql.schema.DataFetchingEnvironment;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Resolvers of schema.graphql: queries, mutations, entities and the fields added to JointCase and Building. */
@Controller
public class ViolationController {
  private final ViolationService violations;
  private final AccessInstrumentation access;

  public ViolationController(ViolationService violations, AccessInstrumentation access) {
    this.violations = violations;
    this.access = access;
  }

  @QueryMapping
  public Violation violation(@Argument String id) {
    return violations.find(id);
  }

  @QueryMapping
  public Connection<Violation> violations(@Argument ViolationFilter filter, @Argument Integer first, @Argument String after) {
    return violations.list(filter, first, after);
  }

  @MutationMapping
  public Violation recordViolation(@Argument RecordViolationInput input, DataFetchingEnvironment env) {
    return violations.record(input, AccessInstrumentation.identity(env));
  }

  @MutationMapping
  public Violation issueRectificationNotice(@Argument String violationId, @Argument RectificationNoticeInput input, DataFetchingEnvironment env) {
    return violations.issueNotice(violationId, input, AccessInstrumentation.identity(env));
  }

  @MutationMapping
  public Violation recordFollowUpInspection(@Argument String violationId, @Argument FollowUpInspectionInput input, DataFetchingEnvironment env) {
    return violations.inspect(violationId, input, AccessInstrumentation.identity(env));
  }

  // ---- entities: one query per `_entities` batch (the ids of every representation of the type), in key order, null for a miss.

  @EntityMapping("Violation")
  public List<Violation> violationEntities(@Argument List<String> idList, DataFetchingEnvironment env) {
    access.requireType("Violation", AccessInstrumentation.identity(env));
    return violations.findAll(idList.stream().map(id -> ViolationService.requireId(id, "id")).toList());
  }

  @EntityMapping("JointCase")
  public List<JointCase> jointCaseEntities(@Argument List<String> idList, DataFetchingEnvironment env) {
    access.requireType("JointCase", AccessInstrumentation.identity(env));
    return idList.stream().map(id -> new JointCase(ViolationService.requireId(id, "id"))).toList();
  }

  @EntityMapping("Building")
  public List<Building> buildingEntities(@Argument List<String> idList, DataFetchingEnvironment env) {
    access.requireType("Building", AccessInstrumentation.identity(env));
    return idList.stream().map(id -> new Building(ViolationService.requireId(id, "id"))).toList();
  }

  // ---- fields on other departments' entities, batched per request.

  @BatchMapping(typeName = "JointCase", field = "violations")
  public Map<JointCase, List<Violation>> jointCaseViolations(List<JointCase> cases) {
    Map<String, List<Violation>> byCase = violations.byJointCases(ids(cases, JointCase::id)).stream().collect(Collectors.groupingBy(Violation::jointCaseId));
    return group(cases, c -> byCase.getOrDefault(c.id(), List.of()));
  }

  @BatchMapping(typeName = "JointCase", field = "enforcementActions")
  public Map<JointCase, List<ActionView>> jointCaseActions(List<JointCase> cases) {
    Map<String, List<Violation>> byCase = violations.byJointCases(ids(cases, JointCase::id)).stream().collect(Collectors.groupingBy(Violation::jointCaseId));
    return group(cases, c -> byCase.getOrDefault(c.id(), List.of()).stream()
        .flatMap(v -> v.actions().stream().map(a -> new ActionView(a, v)))
        .sorted(Comparator.comparing((ActionView a) -> a.action().at())).toList());
  }

  @BatchMapping(typeName = "Building", field = "openViolations")
  public Map<Building, List<Violation>> openViolations(List<Building> buildings) {
    Map<String, List<Violation>> byBuilding = violations.openAtBuildings(ids(buildings, Building::id)).stream().collect(Collectors.groupingBy(Violation::buildingId));
    return group(buildings, b -> byBuilding.getOrDefault(b.id(), List.of()));
  }

  // ---- Violation's fields that are not plain properties.

  @SchemaMapping(typeName = "Violation", field = "building")
  public Building building(Violation v) {
    return new Building(v.buildingId());
  }

  @SchemaMapping(typeName = "Violation", field = "jointCase")
  public JointCase jointCase(Violation v) {
    return v.jointCaseId() == null ? null : new JointCase(v.jointCaseId());
  }

  @SchemaMapping(typeName = "Violation", field = "actions")
  public List<ActionView> actions(Violation v) {
    return v.actions().stream().map(a -> new ActionView(a, v)).toList();
  }

  /** The notice as served: overdue while the deadline has passed and the violation is not rectified. */
  @SchemaMapping(typeName = "Violation", field = "notice")
  public NoticeView notice(Violation v) {
    Violation.Notice n = v.notice();
    if (n == null) return null;
    boolean overdue = !v.status().equals("RECTIFIED") && LocalDate.now(ViolationService.ZONE).isAfter(LocalDate.parse(n.deadline()));
    return new NoticeView(n.number(), n.issuedAt().toString(), n.deadline(), n.requirement(), overdue);
  }

  public record NoticeView(String number, String issuedAt, String deadline, String requirement, boolean overdue) {}

  @SchemaMapping(typeName = "EnforcementAction", field = "at")
  public String actionAt(ActionView a) {
    return a.action().at().toString();
  }

  @SchemaMapping(typeName = "EnforcementAction", field = "by")
  public String actionBy(ActionView a) {
    return a.action().by();
  }

  @SchemaMapping(typeName = "EnforcementAction", field = "kind")
  public String actionKind(ActionView a) {
    return a.action().kind();
  }

  @SchemaMapping(typeName = "EnforcementAction", field = "note")
  public String actionNote(ActionView a) {
    return a.action().note();
  }

  @SchemaMapping(typeName = "EnforcementAction", field = "violation")
  public Violation actionViolation(ActionView a) {
    return a.violation();
  }

  private static <T> List<String> ids(List<T> refs, Function<T, String> id) {
    return refs.stream().map(id).distinct().toList();
  }

  private static <K, V> Map<K, V> group(List<K> keys, Function<K, V> value) {
    Map<K, V> out = new LinkedHashMap<>();
    for (K key : keys) out.put(key, value.apply(key));
    return out;
  }
}
