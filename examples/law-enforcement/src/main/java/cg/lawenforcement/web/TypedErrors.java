package cg.lawenforcement.web;

import cg.lawenforcement.access.CodedError;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * Typed errors of controller methods, `@EntityMapping` ones included: Spring resolves an entity method's exception
 * only through `@GraphQlExceptionHandler`s (GraphQlConfig's resolver covers every other fetcher).
 */
@ControllerAdvice
public class TypedErrors {
  @GraphQlExceptionHandler
  public GraphQLError coded(CodedError error, DataFetchingEnvironment env) {
    return GraphqlErrorBuilder.newError(env).message(error.getMessage()).extensions(error.extensions()).build();
  }
}
