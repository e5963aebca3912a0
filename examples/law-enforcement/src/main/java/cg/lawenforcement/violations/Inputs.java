package cg.lawenforcement.violations;

/** GraphQL inputs (schema.graphql), bound by Spring for GraphQL. */
public final class Inputs {
  private Inputs() {}

  public record RecordViolationInput(String kind, String buildingId, String jointCaseId, String description, String partyName, String partyPhone, String idempotencyKey) {}

  public record RectificationNoticeInput(String deadline, String requirement) {}

  public record FollowUpInspectionInput(Boolean rectified, String note) {}

  public record ViolationFilter(String buildingId, String jointCaseId, String status, String kind) {}
}
