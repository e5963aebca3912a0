package cg.lawenforcement.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentityCodecTest {
  private static String encode(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void decodesTheGatewaysHeader() {
    Identity identity = IdentityCodec.decode(RequestSigningTest.IDENTITY);
    assertEquals(new Identity("law-clerk-1", "law-enforcement", "DEPARTMENT_CLERK", List.of(), List.of(), null), identity);
  }

  @Test
  void emptyHeaderIsAnonymous() {
    assertNull(IdentityCodec.decode(""));
  }

  @Test
  void keepsScopeAndPurposeAndDropsUnknownFields() {
    String json = "{\"subject\":\"s-1\",\"department\":\"property:1\",\"role\":\"PROPERTY_STAFF\",\"scope\":{\"gridIds\":[\"0123456789abcdef01234567\"]},\"purpose\":\"CASE_HANDLING\",\"admin\":true}";
    assertEquals(new Identity("s-1", "property:1", "PROPERTY_STAFF", List.of(), List.of("0123456789abcdef01234567"), "CASE_HANDLING"), IdentityCodec.decode(encode(json)));
  }

  @Test
  void refusesMalformedIdentities() {
    for (String json : List.of("[]", "{\"subject\":\"s\",\"department\":\"law-enforcement\",\"role\":\"clerk\"}",
        "{\"subject\":\"s\",\"department\":\"Law\",\"role\":\"DEPARTMENT_CLERK\"}",
        "{\"subject\":\"s s\",\"department\":\"law-enforcement\",\"role\":\"DEPARTMENT_CLERK\"}",
        "{\"subject\":\"s\",\"department\":\"law-enforcement\",\"role\":\"DEPARTMENT_CLERK\",\"scope\":{\"gridIds\":[{\"$ne\":null}]}}",
        "{\"subject\":\"s\",\"department\":\"law-enforcement\",\"role\":\"DEPARTMENT_CLERK\",\"purpose\":\"why not\"}")) {
      assertThrows(IllegalArgumentException.class, () -> IdentityCodec.decode(encode(json)), json);
    }
    assertThrows(IllegalArgumentException.class, () -> IdentityCodec.decode("%%%"));
  }
}
