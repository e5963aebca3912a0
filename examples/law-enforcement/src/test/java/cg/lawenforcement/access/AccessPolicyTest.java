package cg.lawenforcement.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cg.lawenforcement.access.AccessRule.Decision;
import cg.lawenforcement.auth.Identity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The department's own schema.graphql, read as the kit reads it, and the decisions taken on it. */
class AccessPolicyTest {
  private static final AccessPolicy POLICY = load();

  private static AccessPolicy load() {
    try {
      return new AccessPolicy(Files.readString(Path.of("schema.graphql")));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Identity who(String role, String department) {
    return new Identity("s-1", department, role, List.of(), List.of(), null);
  }

  @Test
  void onlyLawEnforcementRecordsViolations() {
    AccessRule rule = POLICY.effectiveRule("Mutation", "recordViolation");
    assertEquals(Decision.FULL, AccessRule.decide(rule, who("DEPARTMENT_CLERK", "law-enforcement")));
    assertEquals(Decision.DENIED, AccessRule.decide(rule, who("DEPARTMENT_CLERK", "civil-affairs")));
    assertEquals(Decision.DENIED, AccessRule.decide(rule, who("RESIDENT", "law-enforcement")));
    assertEquals(Decision.UNAUTHENTICATED, AccessRule.decide(rule, null));
  }

  @Test
  void personalDataOfThePartyIsMaskedForOthers() {
    AccessRule name = POLICY.effectiveRule("Violation", "partyName");
    AccessRule phone = POLICY.effectiveRule("Violation", "partyPhone");
    assertEquals(Decision.MASKED, AccessRule.decide(name, who("PARTY_SECRETARY", "party")));
    assertEquals(Decision.FULL, AccessRule.decide(name, who("DEPARTMENT_CLERK", "law-enforcement")));
    assertEquals(Decision.DENIED, AccessRule.decide(phone, who("RESIDENT", "civil-affairs")));
    assertEquals("王**", name.mask("王小明"));
    assertEquals("138****1234", phone.mask("13812341234"));
  }

  @Test
  void typesAndEntitiesCarryTheirRules() {
    assertEquals(Decision.DENIED, AccessRule.decide(POLICY.typeRule("JointCase"), who("RESIDENT", "resident")));
    assertEquals(Decision.FULL, AccessRule.decide(POLICY.typeRule("Building"), who("PROPERTY_STAFF", "property:1")));
    assertEquals(Decision.FULL, AccessRule.decide(POLICY.effectiveRule("PageInfo", "hasNextPage"), who("RESIDENT", "resident")));
    assertTrue(AccessRule.decide(POLICY.effectiveRule("Query", "lawEnforcementAuditRecords"), who("DEPARTMENT_CLERK", "law-enforcement")) == Decision.DENIED);
  }

  @Test
  void refusesASchemaWithoutRules() {
    String sdl = "type Query { a: Int @access(roles: [\"SERVICE\"]) b: Int }\ntype T { x: Int }";
    IllegalStateException error = assertThrows(IllegalStateException.class, () -> new AccessPolicy(sdl));
    assertTrue(error.getMessage().contains("Query.b") && error.getMessage().contains("T"), error.getMessage());
    assertThrows(IllegalStateException.class, () -> new AccessPolicy("type Query { a: Int @access(roles: [\"KING\"]) }"));
  }
}
