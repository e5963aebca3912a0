/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment CaseCard on JointCase {\n    id version status category urgency description submittedAt dueAt overdue\n    grid { id name }\n    leadUnit { id name }\n    helperUnits { id name }\n    tasks { unit { id name } role status onTime }\n    whistles { id reportBy calls { unit { id name } reportedAt late rating } }\n    rating { score comment }\n  }\n": typeof types.CaseCardFragmentDoc,
    "\n  query ConsoleResponseUnits { responseUnits { id name kind department categories community { id } } }\n": typeof types.ConsoleResponseUnitsDocument,
    "\n  query ConsoleCases($filter: JointCaseFilter, $first: Int) { jointCases(filter: $filter, first: $first) { totalCount edges { node { ...CaseCard } } } }\n": typeof types.ConsoleCasesDocument,
    "\n  query ConsoleHousehold($fileNumber: String!) { householdByFileNumber(fileNumber: $fileNumber) { id fileNumber dwelling { id label } members { id name } } }\n": typeof types.ConsoleHouseholdDocument,
    "\n  query ConsoleDossier($id: ID!) {\n    jointCase(id: $id) {\n      ...CaseCard\n      resolvedAt closedAt\n      reporter {\n        id name phone\n        household { fileNumber tenure dwelling { label building { number estate { name propertyCompany { name isFallbackProvider } } } } }\n        employmentStatus { status since employer { name } }\n        partyMembership { category }\n      }\n      dwelling { label }\n      building { number estate { name propertyCompany { name } } }\n      grid { code name leaderName }\n      community { id name }\n      gridBranch { name members { category resident { name } } }\n      firstReceiver { name kind }\n      inquiries { at by note }\n      deferral { reason approved decidedAt }\n      history { at by role step from to unit { name } note }\n    }\n  }\n": typeof types.ConsoleDossierDocument,
    "\n  query ConsoleSupervision($withinHours: Float, $communityId: ID, $first: Int) {\n    supervisionList(withinHours: $withinHours, communityId: $communityId, first: $first) { totalCount edges { node { ...CaseCard } } }\n  }\n": typeof types.ConsoleSupervisionDocument,
    "\n  query ConsoleCommunities { communities { id name grids { id code name level } } }\n": typeof types.ConsoleCommunitiesDocument,
    "\n  query ConsoleMeasures($scope: JointCaseScope!) {\n    jointCaseMeasures(scope: $scope) {\n      cases dispatched responded handled resolved onTime overdue rated satisfied whistled reportsDue reportsOnTime resolvedInGrid\n      responseRate resolutionRate satisfactionRate onTimeRate inGridShare reportOnTimeRate\n    }\n  }\n": typeof types.ConsoleMeasuresDocument,
    "\n  query ConsoleLedgers($scope: JointCaseScope!, $communityId: ID!) {\n    publicSentimentLedger(scope: $scope) { grid { id name } category received handled resolved rated satisfied }\n    governmentLedger(scope: $scope) { unit { id name kind } received resolved onTime overdue whistleCalls reportedOnTime }\n    threeLists(communityId: $communityId) {\n      problems { category open overdue }\n      resources { id name kind categories }\n      responsibilities { unit { id name } categories openLeadTasks }\n    }\n  }\n": typeof types.ConsoleLedgersDocument,
    "\n  mutation ConsoleSubmit($input: SubmitJointCaseInput!) { submitJointCase(input: $input) { ...CaseCard } }\n": typeof types.ConsoleSubmitDocument,
    "\n  mutation ConsoleDispatch($id: ID!, $v: Int!, $lead: ID, $helpers: [ID!], $note: String) {\n    dispatchJointCase(id: $id, expectedVersion: $v, leadUnitId: $lead, helperUnitIds: $helpers, note: $note) { ...CaseCard }\n  }\n": typeof types.ConsoleDispatchDocument,
    "\n  mutation ConsoleAccept($id: ID!, $v: Int!, $unit: ID!) { acceptJointCaseTask(id: $id, expectedVersion: $v, unitId: $unit) { ...CaseCard } }\n": typeof types.ConsoleAcceptDocument,
    "\n  mutation ConsoleReturn($id: ID!, $v: Int!, $reason: String!) { returnJointCase(id: $id, expectedVersion: $v, reason: $reason) { ...CaseCard } }\n": typeof types.ConsoleReturnDocument,
    "\n  mutation ConsoleStart($id: ID!, $v: Int!, $note: String) { startJointCase(id: $id, expectedVersion: $v, note: $note) { ...CaseCard } }\n": typeof types.ConsoleStartDocument,
    "\n  mutation ConsoleResolveTask($id: ID!, $v: Int!, $unit: ID!, $note: String) { resolveJointCaseTask(id: $id, expectedVersion: $v, unitId: $unit, note: $note) { ...CaseCard } }\n": typeof types.ConsoleResolveTaskDocument,
    "\n  mutation ConsoleResolve($id: ID!, $v: Int!, $note: String!) { resolveJointCase(id: $id, expectedVersion: $v, note: $note) { ...CaseCard } }\n": typeof types.ConsoleResolveDocument,
    "\n  mutation ConsoleVerify($id: ID!, $v: Int!, $note: String) { verifyJointCase(id: $id, expectedVersion: $v, note: $note) { ...CaseCard } }\n": typeof types.ConsoleVerifyDocument,
    "\n  mutation ConsoleSendBack($id: ID!, $v: Int!, $note: String!) { sendBackJointCase(id: $id, expectedVersion: $v, note: $note) { ...CaseCard } }\n": typeof types.ConsoleSendBackDocument,
    "\n  mutation ConsoleRate($id: ID!, $v: Int!, $score: Int!, $comment: String) { rateJointCase(id: $id, expectedVersion: $v, score: $score, comment: $comment) { ...CaseCard } }\n": typeof types.ConsoleRateDocument,
    "\n  mutation ConsoleClose($id: ID!, $v: Int!) { closeJointCase(id: $id, expectedVersion: $v) { ...CaseCard } }\n": typeof types.ConsoleCloseDocument,
    "\n  mutation ConsoleWhistle($id: ID!, $v: Int!, $units: [ID!]!, $note: String) { blowWhistle(id: $id, expectedVersion: $v, unitIds: $units, note: $note) { ...CaseCard } }\n": typeof types.ConsoleWhistleDocument,
    "\n  mutation ConsoleReport($id: ID!, $v: Int!, $unit: ID!) { reportToWhistle(id: $id, expectedVersion: $v, unitId: $unit) { ...CaseCard } }\n": typeof types.ConsoleReportDocument,
};
const documents: Documents = {
    "\n  fragment CaseCard on JointCase {\n    id version status category urgency description submittedAt dueAt overdue\n    grid { id name }\n    leadUnit { id name }\n    helperUnits { id name }\n    tasks { unit { id name } role status onTime }\n    whistles { id reportBy calls { unit { id name } reportedAt late rating } }\n    rating { score comment }\n  }\n": types.CaseCardFragmentDoc,
    "\n  query ConsoleResponseUnits { responseUnits { id name kind department categories community { id } } }\n": types.ConsoleResponseUnitsDocument,
    "\n  query ConsoleCases($filter: JointCaseFilter, $first: Int) { jointCases(filter: $filter, first: $first) { totalCount edges { node { ...CaseCard } } } }\n": types.ConsoleCasesDocument,
    "\n  query ConsoleHousehold($fileNumber: String!) { householdByFileNumber(fileNumber: $fileNumber) { id fileNumber dwelling { id label } members { id name } } }\n": types.ConsoleHouseholdDocument,
    "\n  query ConsoleDossier($id: ID!) {\n    jointCase(id: $id) {\n      ...CaseCard\n      resolvedAt closedAt\n      reporter {\n        id name phone\n        household { fileNumber tenure dwelling { label building { number estate { name propertyCompany { name isFallbackProvider } } } } }\n        employmentStatus { status since employer { name } }\n        partyMembership { category }\n      }\n      dwelling { label }\n      building { number estate { name propertyCompany { name } } }\n      grid { code name leaderName }\n      community { id name }\n      gridBranch { name members { category resident { name } } }\n      firstReceiver { name kind }\n      inquiries { at by note }\n      deferral { reason approved decidedAt }\n      history { at by role step from to unit { name } note }\n    }\n  }\n": types.ConsoleDossierDocument,
    "\n  query ConsoleSupervision($withinHours: Float, $communityId: ID, $first: Int) {\n    supervisionList(withinHours: $withinHours, communityId: $communityId, first: $first) { totalCount edges { node { ...CaseCard } } }\n  }\n": types.ConsoleSupervisionDocument,
    "\n  query ConsoleCommunities { communities { id name grids { id code name level } } }\n": types.ConsoleCommunitiesDocument,
    "\n  query ConsoleMeasures($scope: JointCaseScope!) {\n    jointCaseMeasures(scope: $scope) {\n      cases dispatched responded handled resolved onTime overdue rated satisfied whistled reportsDue reportsOnTime resolvedInGrid\n      responseRate resolutionRate satisfactionRate onTimeRate inGridShare reportOnTimeRate\n    }\n  }\n": types.ConsoleMeasuresDocument,
    "\n  query ConsoleLedgers($scope: JointCaseScope!, $communityId: ID!) {\n    publicSentimentLedger(scope: $scope) { grid { id name } category received handled resolved rated satisfied }\n    governmentLedger(scope: $scope) { unit { id name kind } received resolved onTime overdue whistleCalls reportedOnTime }\n    threeLists(communityId: $communityId) {\n      problems { category open overdue }\n      resources { id name kind categories }\n      responsibilities { unit { id name } categories openLeadTasks }\n    }\n  }\n": types.ConsoleLedgersDocument,
    "\n  mutation ConsoleSubmit($input: SubmitJointCaseInput!) { submitJointCase(input: $input) { ...CaseCard } }\n": types.ConsoleSubmitDocument,
    "\n  mutation ConsoleDispatch($id: ID!, $v: Int!, $lead: ID, $helpers: [ID!], $note: String) {\n    dispatchJointCase(id: $id, expectedVersion: $v, leadUnitId: $lead, helperUnitIds: $helpers, note: $note) { ...CaseCard }\n  }\n": types.ConsoleDispatchDocument,
    "\n  mutation ConsoleAccept($id: ID!, $v: Int!, $unit: ID!) { acceptJointCaseTask(id: $id, expectedVersion: $v, unitId: $unit) { ...CaseCard } }\n": types.ConsoleAcceptDocument,
    "\n  mutation ConsoleReturn($id: ID!, $v: Int!, $reason: String!) { returnJointCase(id: $id, expectedVersion: $v, reason: $reason) { ...CaseCard } }\n": types.ConsoleReturnDocument,
    "\n  mutation ConsoleStart($id: ID!, $v: Int!, $note: String) { startJointCase(id: $id, expectedVersion: $v, note: $note) { ...CaseCard } }\n": types.ConsoleStartDocument,
    "\n  mutation ConsoleResolveTask($id: ID!, $v: Int!, $unit: ID!, $note: String) { resolveJointCaseTask(id: $id, expectedVersion: $v, unitId: $unit, note: $note) { ...CaseCard } }\n": types.ConsoleResolveTaskDocument,
    "\n  mutation ConsoleResolve($id: ID!, $v: Int!, $note: String!) { resolveJointCase(id: $id, expectedVersion: $v, note: $note) { ...CaseCard } }\n": types.ConsoleResolveDocument,
    "\n  mutation ConsoleVerify($id: ID!, $v: Int!, $note: String) { verifyJointCase(id: $id, expectedVersion: $v, note: $note) { ...CaseCard } }\n": types.ConsoleVerifyDocument,
    "\n  mutation ConsoleSendBack($id: ID!, $v: Int!, $note: String!) { sendBackJointCase(id: $id, expectedVersion: $v, note: $note) { ...CaseCard } }\n": types.ConsoleSendBackDocument,
    "\n  mutation ConsoleRate($id: ID!, $v: Int!, $score: Int!, $comment: String) { rateJointCase(id: $id, expectedVersion: $v, score: $score, comment: $comment) { ...CaseCard } }\n": types.ConsoleRateDocument,
    "\n  mutation ConsoleClose($id: ID!, $v: Int!) { closeJointCase(id: $id, expectedVersion: $v) { ...CaseCard } }\n": types.ConsoleCloseDocument,
    "\n  mutation ConsoleWhistle($id: ID!, $v: Int!, $units: [ID!]!, $note: String) { blowWhistle(id: $id, expectedVersion: $v, unitIds: $units, note: $note) { ...CaseCard } }\n": types.ConsoleWhistleDocument,
    "\n  mutation ConsoleReport($id: ID!, $v: Int!, $unit: ID!) { reportToWhistle(id: $id, expectedVersion: $v, unitId: $unit) { ...CaseCard } }\n": types.ConsoleReportDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CaseCard on JointCase {\n    id version status category urgency description submittedAt dueAt overdue\n    grid { id name }\n    leadUnit { id name }\n    helperUnits { id name }\n    tasks { unit { id name } role status onTime }\n    whistles { id reportBy calls { unit { id name } reportedAt late rating } }\n    rating { score comment }\n  }\n"): (typeof documents)["\n  fragment CaseCard on JointCase {\n    id version status category urgency description submittedAt dueAt overdue\n    grid { id name }\n    leadUnit { id name }\n    helperUnits { id name }\n    tasks { unit { id name } role status onTime }\n    whistles { id reportBy calls { unit { id name } reportedAt late rating } }\n    rating { score comment }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleResponseUnits { responseUnits { id name kind department categories community { id } } }\n"): (typeof documents)["\n  query ConsoleResponseUnits { responseUnits { id name kind department categories community { id } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleCases($filter: JointCaseFilter, $first: Int) { jointCases(filter: $filter, first: $first) { totalCount edges { node { ...CaseCard } } } }\n"): (typeof documents)["\n  query ConsoleCases($filter: JointCaseFilter, $first: Int) { jointCases(filter: $filter, first: $first) { totalCount edges { node { ...CaseCard } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleHousehold($fileNumber: String!) { householdByFileNumber(fileNumber: $fileNumber) { id fileNumber dwelling { id label } members { id name } } }\n"): (typeof documents)["\n  query ConsoleHousehold($fileNumber: String!) { householdByFileNumber(fileNumber: $fileNumber) { id fileNumber dwelling { id label } members { id name } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleDossier($id: ID!) {\n    jointCase(id: $id) {\n      ...CaseCard\n      resolvedAt closedAt\n      reporter {\n        id name phone\n        household { fileNumber tenure dwelling { label building { number estate { name propertyCompany { name isFallbackProvider } } } } }\n        employmentStatus { status since employer { name } }\n        partyMembership { category }\n      }\n      dwelling { label }\n      building { number estate { name propertyCompany { name } } }\n      grid { code name leaderName }\n      community { id name }\n      gridBranch { name members { category resident { name } } }\n      firstReceiver { name kind }\n      inquiries { at by note }\n      deferral { reason approved decidedAt }\n      history { at by role step from to unit { name } note }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleDossier($id: ID!) {\n    jointCase(id: $id) {\n      ...CaseCard\n      resolvedAt closedAt\n      reporter {\n        id name phone\n        household { fileNumber tenure dwelling { label building { number estate { name propertyCompany { name isFallbackProvider } } } } }\n        employmentStatus { status since employer { name } }\n        partyMembership { category }\n      }\n      dwelling { label }\n      building { number estate { name propertyCompany { name } } }\n      grid { code name leaderName }\n      community { id name }\n      gridBranch { name members { category resident { name } } }\n      firstReceiver { name kind }\n      inquiries { at by note }\n      deferral { reason approved decidedAt }\n      history { at by role step from to unit { name } note }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleSupervision($withinHours: Float, $communityId: ID, $first: Int) {\n    supervisionList(withinHours: $withinHours, communityId: $communityId, first: $first) { totalCount edges { node { ...CaseCard } } }\n  }\n"): (typeof documents)["\n  query ConsoleSupervision($withinHours: Float, $communityId: ID, $first: Int) {\n    supervisionList(withinHours: $withinHours, communityId: $communityId, first: $first) { totalCount edges { node { ...CaseCard } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleCommunities { communities { id name grids { id code name level } } }\n"): (typeof documents)["\n  query ConsoleCommunities { communities { id name grids { id code name level } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleMeasures($scope: JointCaseScope!) {\n    jointCaseMeasures(scope: $scope) {\n      cases dispatched responded handled resolved onTime overdue rated satisfied whistled reportsDue reportsOnTime resolvedInGrid\n      responseRate resolutionRate satisfactionRate onTimeRate inGridShare reportOnTimeRate\n    }\n  }\n"): (typeof documents)["\n  query ConsoleMeasures($scope: JointCaseScope!) {\n    jointCaseMeasures(scope: $scope) {\n      cases dispatched responded handled resolved onTime overdue rated satisfied whistled reportsDue reportsOnTime resolvedInGrid\n      responseRate resolutionRate satisfactionRate onTimeRate inGridShare reportOnTimeRate\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleLedgers($scope: JointCaseScope!, $communityId: ID!) {\n    publicSentimentLedger(scope: $scope) { grid { id name } category received handled resolved rated satisfied }\n    governmentLedger(scope: $scope) { unit { id name kind } received resolved onTime overdue whistleCalls reportedOnTime }\n    threeLists(communityId: $communityId) {\n      problems { category open overdue }\n      resources { id name kind categories }\n      responsibilities { unit { id name } categories openLeadTasks }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleLedgers($scope: JointCaseScope!, $communityId: ID!) {\n    publicSentimentLedger(scope: $scope) { grid { id name } category received handled resolved rated satisfied }\n    governmentLedger(scope: $scope) { unit { id name kind } received resolved onTime overdue whistleCalls reportedOnTime }\n    threeLists(communityId: $communityId) {\n      problems { category open overdue }\n      resources { id name kind categories }\n      responsibilities { unit { id name } categories openLeadTasks }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleSubmit($input: SubmitJointCaseInput!) { submitJointCase(input: $input) { ...CaseCard } }\n"): (typeof documents)["\n  mutation ConsoleSubmit($input: SubmitJointCaseInput!) { submitJointCase(input: $input) { ...CaseCard } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleDispatch($id: ID!, $v: Int!, $lead: ID, $helpers: [ID!], $note: String) {\n    dispatchJointCase(id: $id, expectedVersion: $v, leadUnitId: $lead, helperUnitIds: $helpers, note: $note) { ...CaseCard }\n  }\n"): (typeof documents)["\n  mutation ConsoleDispatch($id: ID!, $v: Int!, $lead: ID, $helpers: [ID!], $note: String) {\n    dispatchJointCase(id: $id, expectedVersion: $v, leadUnitId: $lead, helperUnitIds: $helpers, note: $note) { ...CaseCard }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleAccept($id: ID!, $v: Int!, $unit: ID!) { acceptJointCaseTask(id: $id, expectedVersion: $v, unitId: $unit) { ...CaseCard } }\n"): (typeof documents)["\n  mutation ConsoleAccept($id: ID!, $v: Int!, $unit: ID!) { acceptJointCaseTask(id: $id, expectedVersion: $v, unitId: $unit) { ...CaseCard } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleReturn($id: ID!, $v: Int!, $reason: String!) { returnJointCase(id: $id, expectedVersion: $v, reason: $reason) { ...CaseCard } }\n"): (typeof documents)["\n  mutation ConsoleReturn($id: ID!, $v: Int!, $reason: String!) { returnJointCase(id: $id, expectedVersion: $v, reason: $reason) { ...CaseCard } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleStart($id: ID!, $v: Int!, $note: String) { startJointCase(id: $id, expectedVersion: $v, note: $note) { ...CaseCard } }\n"): (typeof documents)["\n  mutation ConsoleStart($id: ID!, $v: Int!, $note: String) { startJointCase(id: $id, expectedVersion: $v, note: $note) { ...CaseCard } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleResolveTask($id: ID!, $v: Int!, $unit: ID!, $note: String) { resolveJointCaseTask(id: $id, expectedVersion: $v, unitId: $unit, note: $note) { ...CaseCard } }\n"): (typeof documents)["\n  mutation ConsoleResolveTask($id: ID!, $v: Int!, $unit: ID!, $note: String) { resolveJointCaseTask(id: $id, expectedVersion: $v, unitId: $unit, note: $note) { ...CaseCard } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleResolve($id: ID!, $v: Int!, $note: String!) { resolveJointCase(id: $id, expectedVersion: $v, note: $note) { ...CaseCard } }\n"): (typeof documents)["\n  mutation ConsoleResolve($id: ID!, $v: Int!, $note: String!) { resolveJointCase(id: $id, expectedVersion: $v, note: $note) { ...CaseCard } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleVerify($id: ID!, $v: Int!, $note: String) { verifyJointCase(id: $id, expectedVersion: $v, note: $note) { ...CaseCard } }\n"): (typeof documents)["\n  mutation ConsoleVerify($id: ID!, $v: Int!, $note: String) { verifyJointCase(id: $id, expectedVersion: $v, note: $note) { ...CaseCard } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleSendBack($id: ID!, $v: Int!, $note: String!) { sendBackJointCase(id: $id, expectedVersion: $v, note: $note) { ...CaseCard } }\n"): (typeof documents)["\n  mutation ConsoleSendBack($id: ID!, $v: Int!, $note: String!) { sendBackJointCase(id: $id, expectedVersion: $v, note: $note) { ...CaseCard } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRate($id: ID!, $v: Int!, $score: Int!, $comment: String) { rateJointCase(id: $id, expectedVersion: $v, score: $score, comment: $comment) { ...CaseCard } }\n"): (typeof documents)["\n  mutation ConsoleRate($id: ID!, $v: Int!, $score: Int!, $comment: String) { rateJointCase(id: $id, expectedVersion: $v, score: $score, comment: $comment) { ...CaseCard } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleClose($id: ID!, $v: Int!) { closeJointCase(id: $id, expectedVersion: $v) { ...CaseCard } }\n"): (typeof documents)["\n  mutation ConsoleClose($id: ID!, $v: Int!) { closeJointCase(id: $id, expectedVersion: $v) { ...CaseCard } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleWhistle($id: ID!, $v: Int!, $units: [ID!]!, $note: String) { blowWhistle(id: $id, expectedVersion: $v, unitIds: $units, note: $note) { ...CaseCard } }\n"): (typeof documents)["\n  mutation ConsoleWhistle($id: ID!, $v: Int!, $units: [ID!]!, $note: String) { blowWhistle(id: $id, expectedVersion: $v, unitIds: $units, note: $note) { ...CaseCard } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleReport($id: ID!, $v: Int!, $unit: ID!) { reportToWhistle(id: $id, expectedVersion: $v, unitId: $unit) { ...CaseCard } }\n"): (typeof documents)["\n  mutation ConsoleReport($id: ID!, $v: Int!, $unit: ID!) { reportToWhistle(id: $id, expectedVersion: $v, unitId: $unit) { ...CaseCard } }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;