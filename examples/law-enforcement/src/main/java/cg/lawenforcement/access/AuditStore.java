package cg.lawenforcement.access;

import cg.lawenforcement.LawEnforcementApplication;
import cg.lawenforcement.auth.Identity;
import cg.lawenforcement.violations.Connection;
import java.time.Instant;
import java.util.List;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.mapping.FieldType;
import org.springframework.data.mongodb.core.mapping.MongoId;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Access records (访问审计, PIPL art. 55) in the department's own `audit_records`, as the kit keeps them: one per
 * request that read personal data or called a mutation (refused ones included). Append-only here.
 */
@Controller
public class AuditStore {
  @Document("audit_records")
  public record AuditRecord(@MongoId(FieldType.STRING) String id, String at, String requestId, String answeredBy, String subject, String role, String department, String purpose,
      String operationName, String operationType, List<String> entityIds, List<String> fields, List<String> refused) {}

  private final MongoTemplate mongo;

  public AuditStore(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /** Ids are ObjectIds, so their order is the order of writing: keyset pages on `_id`, newest first. */
  public void write(AuditTrail trail, Identity identity, String requestId, String operationName) {
    mongo.insert(new AuditRecord(new ObjectId().toHexString(), Instant.now().toString(), requestId, LawEnforcementApplication.DEPARTMENT,
        identity == null ? null : identity.subject(), identity == null ? null : identity.role(), identity == null ? null : identity.department(),
        identity == null ? null : identity.purpose(), operationName, trail.operationType, List.copyOf(trail.entityIds), List.copyOf(trail.sortedFields()),
        List.copyOf(trail.refused)));
  }

  @QueryMapping
  public Connection<AuditRecord> lawEnforcementAuditRecords(@Argument String subject, @Argument Integer first, @Argument String after) {
    int n = first == null ? 20 : first;
    if (n < 1 || n > 100) throw CodedError.badInput("first must be between 1 and 100", "first");
    Criteria criteria = new Criteria();
    if (subject != null) criteria.and("subject").is(subject);
    long total = mongo.count(Query.query(criteria), AuditRecord.class);
    Query page = Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "_id")).limit(n + 1);
    if (after != null) {
      if (!ObjectId.isValid(after)) throw CodedError.badInput("after must be a cursor from this list", "after");
      page.addCriteria(Criteria.where("_id").lt(after));
    }
    return Connection.of(total, mongo.find(page, AuditRecord.class), n, AuditRecord::id);
  }
}
