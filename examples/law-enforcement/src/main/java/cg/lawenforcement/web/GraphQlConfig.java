package cg.lawenforcement.web;

import cg.lawenforcement.LawEnforcementApplication;
import cg.lawenforcement.access.AccessInstrumentation;
import cg.lawenforcement.access.AccessPolicy;
import cg.lawenforcement.access.AuditStore;
import cg.lawenforcement.access.AuditTrail;
import cg.lawenforcement.access.CodedError;
import cg.lawenforcement.auth.Identity;
import cg.lawenforcement.auth.NonceStore;
import cg.lawenforcement.auth.RequestSigning;
import cg.lawenforcement.auth.SignedRequestFilter;
import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.graphql.GraphQlSourceBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.graphql.data.federation.FederationSchemaFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import com.mongodb.MongoException;

/** Federation, the signed-request filter, the caller in the GraphQL context, access records and typed errors. */
@Configuration
public class GraphQlConfig {
  private static final Logger log = LoggerFactory.getLogger(GraphQlConfig.class);

  @Bean
  public AccessPolicy accessPolicy() throws IOException {
    return new AccessPolicy(new ClassPathResource("graphql/schema.graphql").getContentAsString(StandardCharsets.UTF_8));
  }

  @Bean
  public FederationSchemaFactory schemaFactory() {
    return new FederationSchemaFactory();
  }

  @Bean
  public GraphQlSourceBuilderCustomizer federation(FederationSchemaFactory factory) {
    return builder -> builder.schemaFactory(factory::createGraphQLSchema);
  }

  @Bean
  public FilterRegistrationBean<SignedRequestFilter> signedRequests(NonceStore nonces, @Value("${cg.signature-window-ms}") long windowMs, @Value("${cg.body-limit-bytes}") int bodyLimit) {
    String secret = RequestSigning.secret(LawEnforcementApplication.DEPARTMENT, System.getenv());
    FilterRegistrationBean<SignedRequestFilter> registration = new FilterRegistrationBean<>(new SignedRequestFilter(secret, windowMs, bodyLimit, nonces));
    registration.addUrlPatterns("/graphql");
    return registration;
  }

  /**
   * Puts the verified caller and an audit trail in the GraphQL context; after execution writes the access record
   * (fail closed: no answer leaves without it) and gives every error a code in `extensions.code`.
   */
  @Bean
  public WebGraphQlInterceptor callerAndAudit(AuditStore audit) {
    return (request, chain) -> {
      Object attribute = request.getAttributes().get(SignedRequestFilter.IDENTITY_ATTRIBUTE);
      Identity identity = attribute instanceof Identity id ? id : null;
      String requestId = String.valueOf(request.getAttributes().getOrDefault(SignedRequestFilter.REQUEST_ID_ATTRIBUTE, ""));
      AuditTrail trail = new AuditTrail();
      request.configureExecutionInput((input, builder) -> {
        Map<Object, Object> context = new HashMap<>();
        context.put(AccessInstrumentation.TRAIL, trail);
        if (identity != null) context.put(AccessInstrumentation.IDENTITY, identity);
        return builder.graphQLContext(context).build();
      });
      return chain.next(request).map(response -> {
        List<GraphQLError> errors = response.getExecutionResult().getErrors().stream().map(GraphQlConfig::withCode).toList();
        if (!trail.isEmpty()) {
          try {
            audit.write(trail, identity, requestId, request.getOperationName());
          } catch (RuntimeException e) {
            log.error("access record not written", e);
            return response.transform(b -> b.data(null).errors(List.of(GraphqlErrorBuilder.newError()
                .message("the access record could not be written; nothing is served without one").extensions(Map.of("code", "DATABASE_UNAVAILABLE")).build())));
          }
        }
        return response.transform(b -> b.errors(errors));
      });
    };
  }

  /** Errors graphql-java raises itself (syntax, validation) get the codes Apollo's departments use. */
  private static GraphQLError withCode(GraphQLError error) {
    if (error.getExtensions() != null && error.getExtensions().get("code") != null) return error;
    ErrorClassification type = error.getErrorType();
    String code = switch (type == null ? "" : type.toString()) {
      case "InvalidSyntax" -> "GRAPHQL_PARSE_FAILED";
      case "ValidationError" -> "GRAPHQL_VALIDATION_FAILED";
      case "BAD_REQUEST" -> "BAD_USER_INPUT";
      default -> "INTERNAL_SERVER_ERROR";
    };
    Map<String, Object> extensions = new HashMap<>(error.getExtensions() == null ? Map.of() : error.getExtensions());
    extensions.put("code", code);
    return GraphqlErrorBuilder.newError().message(error.getMessage()).locations(error.getLocations()).path(error.getPath()).extensions(extensions).errorType(type).build();
  }

  /** A typed error keeps its code; the database down is DATABASE_UNAVAILABLE; anything else says nothing internal. */
  @Bean
  public DataFetcherExceptionResolver fetcherErrors() {
    return new DataFetcherExceptionResolverAdapter() {
      @Override
      protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        // Entity methods' errors reach here wrapped (batch loading): the typed error may be a cause.
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
          if (cause instanceof CodedError coded) return GraphqlErrorBuilder.newError(env).message(coded.getMessage()).extensions(coded.extensions()).build();
        }
        if (ex instanceof DataAccessResourceFailureException || ex instanceof MongoException) {
          return GraphqlErrorBuilder.newError(env).message("the database is unavailable; try again shortly").extensions(Map.of("code", "DATABASE_UNAVAILABLE")).build();
        }
        log.error("unexpected error in {}", env.getField().getName(), ex);
        return GraphqlErrorBuilder.newError(env).message("internal error").errorType(ErrorType.INTERNAL_ERROR).extensions(Map.of("code", "INTERNAL_SERVER_ERROR")).build();
      }
    };
  }
}
