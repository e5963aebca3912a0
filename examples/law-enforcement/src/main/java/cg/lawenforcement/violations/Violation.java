package cg.lawenforcement.violations;

import cg.lawenforcement.access.AccessInstrumentation.HasId;
import java.time.Instant;
import java.util.List;
import org.springframework.data.mongodb.core.mapping.FieldType;
import org.springframework.data.mongodb.core.mapping.MongoId;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A violation (违法行为) and everything done about it, in one document: every change is one update of it, so it
 * needs no transaction. `open` is stored (not derived) so "open violations of a building" is a top-level equality,
 * which FerretDB runs in SQL.
 */
@Document("violations")
public record Violation(
    @MongoId(FieldType.STRING) String id,
    String kind,
    String source,
    String status,
    boolean open,
    String buildingId,
    String jointCaseId,
    String description,
    Instant foundAt,
    String foundBy,
    String partyName,
    String partyPhone,
    Notice notice,
    List<Inspection> inspections,
    List<Action> actions,
    long version) implements HasId {

  /** A rectification notice (整改通知书); `deadline` is a local date (YYYY-MM-DD), inclusive. */
  public record Notice(String number, Instant issuedAt, String deadline, String requirement) {}

  /** A follow-up inspection (复查). */
  public record Inspection(Instant at, String by, boolean rectified, String note) {}

  /** One enforcement action (执法动作) in the violation's history. */
  public record Action(Instant at, String by, String kind, String note) {}
}
