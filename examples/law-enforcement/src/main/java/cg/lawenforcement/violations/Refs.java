package cg.lawenforcement.violations;

/** Entities owned by other departments, known here by their key only. */
public final class Refs {
  private Refs() {}

  /** Party's joint case (一呼联动案件). */
  public record JointCaseRef(String id) {}

  /** Property's building (楼栋). */
  public record BuildingRef(String id) {}

  /** An action as served: with the violation it belongs to. */
  public record ActionView(Violation.Action action, Violation violation) {}
}
