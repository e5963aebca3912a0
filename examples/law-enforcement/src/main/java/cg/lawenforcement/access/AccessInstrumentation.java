package cg.lawenforcement.access;

import cg.lawenforcement.access.AccessRule.Decision;
import cg.lawenforcement.auth.Identity;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.language.OperationDefinition;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLTypeUtil;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.springframework.stereotype.Component;

/**
 * Applies the SDL's access rules to every field, as the kit's enforce.ts does for the TypeScript departments: the
 * field's rule and the rule of the type it returns are checked before the fetcher runs (a refused mutation never
 * reaches its resolver); personal data is masked and recorded in the request's audit trail after. A refusal is a
 * field error (null + FORBIDDEN or UNAUTHENTICATED), so the rest of the answer arrives.
 */
@Component
public class AccessInstrumentation extends SimplePerformantInstrumentation {
  public static final String IDENTITY = "cg.identity";
  public static final String TRAIL = "cg.trail";
  private final AccessPolicy policy;

  public AccessInstrumentation(AccessPolicy policy) {
    this.policy = policy;
  }

  @Override
  public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
    DataFetchingEnvironment env = parameters.getEnvironment();
    if (!(env.getParentType() instanceof GraphQLObjectType parent)) return fetcher;
    String type = parent.getName();
    String field = env.getFieldDefinition().getName();
    if (type.startsWith("_") || field.startsWith("_")) return fetcher; // _entities, _service: checked per entity type
    boolean root = type.equals("Query") || type.equals("Mutation");
    AccessRule own = policy.fieldRule(type, field);
    AccessRule rule = policy.effectiveRule(type, field);
    GraphQLNamedType target = (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(env.getFieldDefinition().getType());
    AccessRule targetRule = policy.typeRule(target.getName());
    AccessRule gate = targetRule == null ? null : new AccessRule(targetRule.roles(), targetRule.departments(), null, null, targetRule.purposes());
    if (!root && own == null && gate == null) return fetcher;
    String what = type + "." + field;
    return (DataFetcher<Object>) e -> {
      Identity identity = identity(e);
      AuditTrail trail = e.getGraphQlContext().get(TRAIL);
      boolean mutation = e.getOperationDefinition().getOperation() == OperationDefinition.Operation.MUTATION;
      if (trail != null) trail.operationType = mutation ? "mutation" : "query";
      if (mutation && root && trail != null) trail.fields.add(what);
      try {
        refuseUnlessReadable(AccessRule.decide(rule, identity), what);
        if (gate != null) refuseUnlessReadable(AccessRule.decide(gate, identity), what);
      } catch (CodedError refusal) {
        if (mutation && root && trail != null) trail.refused.add(what);
        throw refusal;
      }
      Object value = fetcher.get(e);
      if (rule == null || rule.data() == null) return value;
      if (trail != null) {
        trail.fields.add(what);
        Object source = e.getSource();
        if (source instanceof HasId entity) trail.entityIds.add(entity.id());
      }
      if (AccessRule.decide(rule, identity) != Decision.MASKED) return value;
      if (value instanceof CompletionStage<?> stage) return stage.thenApply(rule::mask);
      return rule.mask(value);
    };
  }

  /** Checks an entity type's own rule, for `_entities` (another department's field pointing here). */
  public void requireType(String type, Identity identity) {
    refuseUnlessReadable(AccessRule.decide(policy.typeRule(type), identity), type);
  }

  public static Identity identity(DataFetchingEnvironment env) {
    Object identity = env.getGraphQlContext().get(IDENTITY);
    return identity instanceof Identity id ? id : null;
  }

  private static void refuseUnlessReadable(Decision decision, String what) {
    if (decision == Decision.UNAUTHENTICATED) throw new CodedError("UNAUTHENTICATED", what + " needs a signed-in caller", Map.of("field", what));
    if (decision == Decision.DENIED) throw new CodedError("FORBIDDEN", what + " is not available to this role, department or purpose", Map.of("field", what, "reason", "rule"));
  }

  /** Rows whose id goes into the access record when their personal data is read. */
  public interface HasId {
    String id();
  }
}
