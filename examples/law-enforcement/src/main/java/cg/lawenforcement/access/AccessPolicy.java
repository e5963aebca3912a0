package cg.lawenforcement.access;

import graphql.language.ArrayValue;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.SchemaExtensionDefinition;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.parser.Parser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The access policy declared in schema.graphql with `@access`, read as the kit reads it (kit/src/auth/policy.ts):
 * each object type's rule (its own or the department default on `extend schema`) and each field's own. The service
 * refuses to start when a type or a root field has no rule, as composition would.
 */
public final class AccessPolicy {
  private record TypePolicy(AccessRule rule, Map<String, AccessRule> fields) {}

  private final Map<String, TypePolicy> types = new HashMap<>();

  public AccessPolicy(String sdl) {
    Document doc = Parser.parse(sdl);
    AccessRule fallback = null;
    for (SchemaExtensionDefinition ext : doc.getDefinitionsOfType(SchemaExtensionDefinition.class)) {
      for (Directive d : ext.getDirectives("access")) fallback = read(d, "schema");
    }
    List<String> missing = new ArrayList<>();
    for (ObjectTypeDefinition type : doc.getDefinitionsOfType(ObjectTypeDefinition.class)) {
      String name = type.getName();
      boolean root = name.equals("Query") || name.equals("Mutation");
      AccessRule rule = type.getDirectives("access").stream().findFirst().map(d -> read(d, name)).orElse(root ? null : fallback);
      if (rule == null && !root) missing.add(name);
      Map<String, AccessRule> fields = new HashMap<>();
      for (FieldDefinition field : type.getFieldDefinitions()) {
        String where = name + "." + field.getName();
        field.getDirectives("access").stream().findFirst().ifPresent(d -> fields.put(field.getName(), read(d, where)));
        if (root && (fields.get(field.getName()) == null || fields.get(field.getName()).roles() == null)) missing.add(where);
      }
      types.put(name, new TypePolicy(rule, fields));
    }
    if (!missing.isEmpty()) throw new IllegalStateException("no @access rule (and no department default) for: " + String.join(", ", missing));
  }

  /** The type's own rule (or the department default); null for a type the SDL does not declare. */
  public AccessRule typeRule(String type) {
    TypePolicy entry = types.get(type);
    return entry == null ? null : entry.rule();
  }

  public AccessRule fieldRule(String type, String field) {
    TypePolicy entry = types.get(type);
    return entry == null ? null : entry.fields().get(field);
  }

  /** The rule that governs reading `type.field`: the field's own, falling back to the type's for roles and departments. */
  public AccessRule effectiveRule(String type, String field) {
    TypePolicy entry = types.get(type);
    if (entry == null || field.equals("id") || field.equals("__typename")) return null;
    AccessRule own = entry.fields().get(field);
    AccessRule rule = entry.rule();
    if (own == null && rule == null) return null;
    if (own == null) return new AccessRule(rule.roles(), rule.departments(), null, null, rule.purposes());
    return new AccessRule(own.roles() != null ? own.roles() : rule == null ? null : rule.roles(),
        own.departments() != null ? own.departments() : rule == null ? null : rule.departments(), own.data(), own.full(), own.purposes());
  }

  private static AccessRule read(Directive d, String where) {
    Map<String, Object> args = new HashMap<>();
    d.getArguments().forEach(a -> args.put(a.getName(), value(a.getValue(), where)));
    AccessRule rule = new AccessRule(list(args.get("roles")), list(args.get("departments")), (String) args.get("data"), list(args.get("full")), list(args.get("purposes")));
    check(rule.roles(), AccessRule.ROLES, where, "role");
    check(rule.full(), AccessRule.ROLES, where, "role");
    check(rule.purposes(), AccessRule.PURPOSES, where, "purpose");
    if (rule.data() != null && !AccessRule.CATEGORIES.contains(rule.data())) throw new IllegalStateException("@access on " + where + ": unknown data category " + rule.data());
    return rule;
  }

  private static void check(List<String> values, List<String> known, String where, String what) {
    if (values == null) return;
    for (String v : values) if (!known.contains(v)) throw new IllegalStateException("@access on " + where + ": unknown " + what + " " + v);
  }

  @SuppressWarnings("unchecked")
  private static List<String> list(Object value) {
    return (List<String>) value;
  }

  private static Object value(Value<?> v, String where) {
    if (v instanceof StringValue s) return s.getValue();
    if (v instanceof ArrayValue a) return a.getValues().stream().map(x -> (String) value(x, where)).toList();
    throw new IllegalStateException("@access on " + where + ": arguments must be strings or lists of strings");
  }
}
