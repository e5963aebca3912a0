package cg.lawenforcement.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the `x-cg-identity` header: base64url of the identity's JSON. Checks the shape exactly as the kit does
 * (kit/src/auth/identity-codec.ts): only the fields below, each of the expected form; other fields are dropped.
 */
public final class IdentityCodec {
  private static final Pattern ROLE = Pattern.compile("^[A-Z][A-Z_]{0,39}$");
  private static final Pattern DEPARTMENT = Pattern.compile("^[a-z][a-z-]{0,39}(:[\\w-]{1,64})?$");
  private static final Pattern SUBJECT = Pattern.compile("^[\\w.:@-]{1,128}$");
  public static final Pattern ID = Pattern.compile("^[0-9a-f]{24}$");
  private static final ObjectMapper JSON = new ObjectMapper();

  private IdentityCodec() {}

  /** The identity of a header; null for an empty header (an anonymous caller). Throws on anything malformed. */
  public static Identity decode(String header) {
    if (header == null || header.isEmpty()) return null;
    JsonNode v;
    try {
      v = JSON.readTree(Base64.getUrlDecoder().decode(header));
    } catch (Exception e) {
      throw new IllegalArgumentException("identity: not base64url JSON");
    }
    if (v == null || !v.isObject()) throw new IllegalArgumentException("identity: not an object");
    String subject = text(v, "subject", SUBJECT);
    String role = text(v, "role", ROLE);
    String department = text(v, "department", DEPARTMENT);
    JsonNode scope = v.path("scope");
    List<String> communityIds = ids(scope.path("communityIds"), "scope.communityIds");
    List<String> gridIds = ids(scope.path("gridIds"), "scope.gridIds");
    String purpose = null;
    JsonNode p = v.path("purpose");
    if (!p.isMissingNode() && !p.isNull()) purpose = text(v, "purpose", ROLE);
    return new Identity(subject, department, role, communityIds, gridIds, purpose);
  }

  private static String text(JsonNode v, String field, Pattern pattern) {
    JsonNode node = v.get(field);
    if (node == null || !node.isTextual() || !pattern.matcher(node.asText()).matches()) throw new IllegalArgumentException("identity: " + field);
    return node.asText();
  }

  private static List<String> ids(JsonNode list, String what) {
    if (list.isMissingNode()) return List.of();
    if (!list.isArray() || list.size() > 1000) throw new IllegalArgumentException("identity: " + what);
    List<String> out = new ArrayList<>();
    for (JsonNode id : list) {
      if (!id.isTextual() || !ID.matcher(id.asText()).matches()) throw new IllegalArgumentException("identity: " + what);
      out.add(id.asText());
    }
    return List.copyOf(out);
  }
}
