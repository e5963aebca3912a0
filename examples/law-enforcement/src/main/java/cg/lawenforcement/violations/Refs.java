package cg.lawenforcement.violations;

/**
 * Entities owned by other departments, known here by their key only. Named as their GraphQL types: `_entities`
 * resolves a returned object's type by its class name.
 */
public final class Refs {
  private Refs() {}

  /** Party's joint case (一呼联动案件). */
  public record JointCase(String id) {}

  /** Property's building (楼栋). */
  public record Building(String id) {}

  /** An action as served: with the violation it belongs to. */
  public record ActionView(Violation.Action action, Violation violation) {}
}
