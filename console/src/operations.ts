import { graphql } from './gql';

/**
 * The operations the console sends; typed by GraphQL Code Generator's client preset (npm run codegen → src/gql/). The
 * dossier screen sends docs/operations/case-dossier.graphql, and the fragments here (CaseCard) come from
 * docs/operations/fragments.graphql: one document for the console and the documented examples.
 */
export const ResponseUnitsQuery = graphql(`
  query ConsoleResponseUnits {
    responseUnits {
      id
      name
      kind
      department
      categories
      community {
        id
      }
    }
  }
`);

export const CasesQuery = graphql(`
  query ConsoleCases($filter: JointCaseFilter, $first: Int) {
    jointCases(filter: $filter, first: $first) {
      totalCount
      edges {
        node {
          ...CaseCard
        }
      }
    }
  }
`);

export const HouseholdQuery = graphql(`
  query ConsoleHousehold($fileNumber: String!) {
    householdByFileNumber(fileNumber: $fileNumber) {
      id
      fileNumber
      dwelling {
        id
        label
      }
      members {
        id
        name
      }
    }
  }
`);

export const SupervisionQuery = graphql(`
  query ConsoleSupervision($withinHours: Float, $communityId: ID, $first: Int) {
    supervisionList(withinHours: $withinHours, communityId: $communityId, first: $first) {
      totalCount
      edges {
        node {
          ...CaseCard
        }
      }
    }
  }
`);

export const CommunitiesQuery = graphql(`
  query ConsoleCommunities {
    communities {
      id
      name
      grids(level: GRID, first: 100) {
        edges {
          node {
            id
            code
            name
          }
        }
      }
    }
  }
`);

export const MeasuresQuery = graphql(`
  query ConsoleMeasures($scope: JointCaseScope!) {
    jointCaseMeasures(scope: $scope) {
      cases
      dispatched
      responded
      handled
      resolved
      onTime
      overdue
      rated
      satisfied
      whistled
      reportsDue
      reportsOnTime
      resolvedInGrid
      responseRate
      resolutionRate
      satisfactionRate
      onTimeRate
      inGridShare
      reportOnTimeRate
    }
  }
`);

export const LedgersQuery = graphql(`
  query ConsoleLedgers($scope: JointCaseScope!, $communityId: ID!) {
    publicSentimentLedger(scope: $scope) {
      grid {
        id
        name
      }
      category
      received
      handled
      resolved
      rated
      satisfied
    }
    governmentLedger(scope: $scope) {
      unit {
        id
        name
        kind
      }
      received
      resolved
      onTime
      overdue
      whistleCalls
      reportedOnTime
    }
    threeLists(communityId: $communityId) {
      problems {
        category
        open
        overdue
      }
      resources {
        id
        name
        kind
        categories
      }
      responsibilities {
        unit {
          id
          name
        }
        categories
        openLeadTasks
      }
    }
  }
`);

export const SubmitMutation = graphql(`
  mutation ConsoleSubmit($input: SubmitJointCaseInput!) {
    submitJointCase(input: $input) {
      ...CaseCard
    }
  }
`);

/** The steps of a joint case (docs/joint-response.md), each against the version the card shows; all return the card. */
graphql(`
  mutation ConsoleDispatch($id: ID!, $v: Int!, $lead: ID, $helpers: [ID!], $note: String) {
    dispatchJointCase(id: $id, expectedVersion: $v, leadUnitId: $lead, helperUnitIds: $helpers, note: $note) {
      ...CaseCard
    }
  }
  mutation ConsoleAccept($id: ID!, $v: Int!, $unit: ID!) {
    acceptJointCaseTask(id: $id, expectedVersion: $v, unitId: $unit) {
      ...CaseCard
    }
  }
  mutation ConsoleReturn($id: ID!, $v: Int!, $reason: String!) {
    returnJointCase(id: $id, expectedVersion: $v, reason: $reason) {
      ...CaseCard
    }
  }
  mutation ConsoleStart($id: ID!, $v: Int!, $note: String) {
    startJointCase(id: $id, expectedVersion: $v, note: $note) {
      ...CaseCard
    }
  }
  mutation ConsoleResolveTask($id: ID!, $v: Int!, $unit: ID!, $note: String) {
    resolveJointCaseTask(id: $id, expectedVersion: $v, unitId: $unit, note: $note) {
      ...CaseCard
    }
  }
  mutation ConsoleResolve($id: ID!, $v: Int!, $note: String!) {
    resolveJointCase(id: $id, expectedVersion: $v, note: $note) {
      ...CaseCard
    }
  }
  mutation ConsoleVerify($id: ID!, $v: Int!, $note: String) {
    verifyJointCase(id: $id, expectedVersion: $v, note: $note) {
      ...CaseCard
    }
  }
  mutation ConsoleSendBack($id: ID!, $v: Int!, $note: String!) {
    sendBackJointCase(id: $id, expectedVersion: $v, note: $note) {
      ...CaseCard
    }
  }
  mutation ConsoleRate($id: ID!, $v: Int!, $score: Int!, $comment: String) {
    rateJointCase(id: $id, expectedVersion: $v, score: $score, comment: $comment) {
      ...CaseCard
    }
  }
  mutation ConsoleClose($id: ID!, $v: Int!) {
    closeJointCase(id: $id, expectedVersion: $v) {
      ...CaseCard
    }
  }
  mutation ConsoleWhistle($id: ID!, $v: Int!, $units: [ID!]!, $note: String) {
    blowWhistle(id: $id, expectedVersion: $v, unitIds: $units, note: $note) {
      ...CaseCard
    }
  }
  mutation ConsoleReport($id: ID!, $v: Int!, $unit: ID!) {
    reportToWhistle(id: $id, expectedVersion: $v, unitId: $unit) {
      ...CaseCard
    }
  }
`);
