import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';

const WILDCARD_RESOURCE = /^AwsSolutions-IAM5\[Resource::(.*)\]$/;

/**
 * Acknowledges, with one reason, the AwsSolutions-IAM5 findings under `scope` whose resource matches
 * `resource` (what cdk-nag 2's `appliesTo` regex did); any other wildcard stays reported.
 *
 * cdk-nag 3 acknowledges a wildcard by its exact finding id (`AwsSolutions-IAM5[Resource::…]`), and the
 * id of a resource of the other stack (the table, the bucket) is only known once CDK has resolved the
 * cross-stack references. Construct validations run after that and before the policy-validation
 * plugins, so the ids are read there, from cdk-nag itself (no copy of its id format here).
 */
export function acknowledgeWildcardResources(scope: IConstruct, resource: RegExp, reason: string): void {
  scope.node.addValidation({
    validate: () => {
      for (const { ruleName } of new AwsSolutionsChecks().validateScope(scope).violations) {
        const finding = WILDCARD_RESOURCE.exec(ruleName)?.[1];
        if (finding !== undefined && resource.test(finding)) {
          Validations.of(scope).acknowledge({ id: ruleName, reason });
        }
      }
      return [];
    },
  });
}
