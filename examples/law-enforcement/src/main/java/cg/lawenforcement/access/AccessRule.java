package cg.lawenforcement.access;

import cg.lawenforcement.auth.Identity;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One `@access` rule (kit/schema/common.graphql) and the decision the kit takes on it (kit/src/auth/policy.ts
 * `decide`): nothing without a signed-in caller; denied for a role or department not listed, or without a stated
 * purpose when `purposes` is given without `full`; else the full value, or the masked one unless the role is
 * entitled to it in full. A null list means "any".
 */
public record AccessRule(List<String> roles, List<String> departments, String data, List<String> full, List<String> purposes) {
  public enum Decision { FULL, MASKED, DENIED, UNAUTHENTICATED }

  /** Masks by data category (kit/src/mask.ts); a category without one is FORBIDDEN to readers not entitled in full. */
  public static final Map<String, UnaryOperator<String>> MASKS = Map.of(
      "NAME", AccessRule::maskName,
      "ID_NUMBER", id -> id.length() == 18 ? id.substring(0, 6) + "********" + id.substring(14) : "*".repeat(id.length()),
      "PHONE", phone -> phone.length() == 11 ? phone.substring(0, 3) + "****" + phone.substring(7) : "*".repeat(phone.length()),
      "BIRTH_DATE", date -> date.substring(0, Math.min(4, date.length())) + "-**-**");
  public static final List<String> CATEGORIES = List.of("NAME", "ID_NUMBER", "PHONE", "BIRTH_DATE", "ADDRESS", "ASSISTANCE", "HEALTH", "DISABILITY", "EMPLOYMENT", "POLITICAL");
  public static final List<String> ROLES = List.of("GRID_WORKER", "PARTY_SECRETARY", "DEPARTMENT_CLERK", "PROPERTY_STAFF", "AUDITOR", "RESIDENT", "SERVICE");
  public static final List<String> PURPOSES = List.of("CASE_HANDLING", "ASSISTANCE_REVIEW", "SERVICE_DELIVERY", "AUDIT");

  static String maskName(String name) {
    int[] chars = name.codePoints().toArray();
    if (chars.length <= 1) return name;
    return new String(chars, 0, 1) + "*".repeat(chars.length - 1);
  }

  public static Decision decide(AccessRule rule, Identity identity) {
    if (identity == null) return Decision.UNAUTHENTICATED;
    if (rule == null) return Decision.FULL;
    if (rule.roles != null && !rule.roles.contains(identity.role())) return Decision.DENIED;
    if (rule.departments != null && !inDepartments(rule.departments, identity.department())) return Decision.DENIED;
    boolean statedPurpose = identity.purpose() != null && rule.purposes != null && rule.purposes.contains(identity.purpose());
    if (rule.purposes != null && rule.full == null && !statedPurpose) return Decision.DENIED;
    if (rule.data == null || rule.full == null) return Decision.FULL;
    if (rule.full.contains(identity.role()) && (rule.purposes == null || statedPurpose)) return Decision.FULL;
    return MASKS.containsKey(rule.data) ? Decision.MASKED : Decision.DENIED;
  }

  /** A department qualified by its unit (`property:<companyId>`) is also that department. */
  private static boolean inDepartments(List<String> departments, String department) {
    return departments.contains(department) || departments.contains(department.split(":")[0]);
  }

  public Object mask(Object value) {
    UnaryOperator<String> mask = MASKS.get(data);
    if (value == null || mask == null) return value;
    if (value instanceof List<?> list) return list.stream().map(this::mask).toList();
    return mask.apply(String.valueOf(value));
  }
}
