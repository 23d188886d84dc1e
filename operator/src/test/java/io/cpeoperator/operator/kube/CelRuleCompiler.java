package io.cpeoperator.operator.kube;

import com.google.re2j.PatternSyntaxException;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.navigation.CelNavigableExpr;
import dev.cel.common.types.CelType;
import dev.cel.common.types.OptionalType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.extensions.CelExtensions;
import dev.cel.extensions.CelStringExtensions;
import dev.cel.parser.CelStandardMacro;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRule;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * Compiles {@code x-kubernetes-validations} rules roughly as the API server does (its base CEL environment, as of
 * Kubernetes 1.29 to 1.33): {@code self} and {@code oldSelf} typed from the schema node the rule is on
 * ({@link SchemaCelTypes}); homogeneous aggregate literals; cross-type numeric comparisons; the standard macros; the
 * strings extension at version 2 (no reverse()), sets, optional types and two-variable comprehensions; a rule must
 * be a bool and a messageExpression a string; and every {@code matches()} regular expression written as a literal
 * compiles with RE2, as the API server's regex literal validator requires.
 *
 * <p>Not covered: Kubernetes' own libraries (url(), quantity(), ip(), cidr(), semver(), lists' isSorted()/sum(),
 * regex find()/findAll(), format, authz). A rule using one of them fails here and needs its declaration added. The
 * rule cost estimate (which depends on maxLength, maxItems and maxProperties) is not computed either.
 */
final class CelRuleCompiler {

    private static final CelOptions OPTIONS = CelOptions.current()
            .enableHomogeneousLiterals(true)
            .enableHeterogeneousNumericComparisons(true)
            .enableOptionalSyntax(true)
            .build();

    private final SchemaCelTypes types;

    CelRuleCompiler(JSONSchemaProps root) {
        this.types = new SchemaCelTypes(root);
    }

    /** What is wrong with the rule on this node, if anything: one message per problem. */
    List<String> problems(JSONSchemaProps node, ValidationRule rule) {
        CelCompiler compiler = compilerFor(types.selfType(node), Boolean.TRUE.equals(rule.getOptionalOldSelf()));
        List<String> problems = new ArrayList<>();
        compile(compiler, rule.getRule(), SimpleType.BOOL, "rule").ifPresent(problems::add);
        if (rule.getMessageExpression() != null) {
            compile(compiler, rule.getMessageExpression(), SimpleType.STRING, "messageExpression")
                    .ifPresent(problems::add);
        }
        return problems;
    }

    private Optional<String> compile(CelCompiler compiler, String expression, CelType resultType, String what) {
        if (expression == null || expression.isBlank()) {
            return Optional.of(what + " is empty");
        }
        CelValidationResult result = compiler.compile(expression);
        if (result.hasError()) {
            return Optional.of(what + " does not compile: " + result.getErrorString());
        }
        CelAbstractSyntaxTree ast;
        try {
            ast = result.getAst();
        } catch (CelValidationException e) {
            return Optional.of(what + " does not compile: " + e.getMessage());
        }
        if (!ast.getResultType().equals(resultType)) {
            return Optional.of(what + " must evaluate to " + resultType.name() + ", not " + ast.getResultType().name());
        }
        return regexLiteralProblem(ast).map(problem -> what + ": " + problem);
    }

    /** The API server compiles a literal matches() pattern with RE2 when it compiles the rule. */
    private static Optional<String> regexLiteralProblem(CelAbstractSyntaxTree ast) {
        return CelNavigableAst.fromAst(ast).getRoot().allNodes()
                .map(CelNavigableExpr::expr)
                .filter(expr -> expr.getKind() == CelExpr.ExprKind.Kind.CALL)
                .map(CelExpr::call)
                .filter(call -> call.function().equals("matches"))
                .map(call -> call.args().get(call.args().size() - 1))
                .filter(arg -> arg.getKind() == CelExpr.ExprKind.Kind.CONSTANT
                        && arg.constant().getKind() == CelConstant.Kind.STRING_VALUE)
                .map(arg -> arg.constant().stringValue())
                .map(CelRuleCompiler::re2Problem)
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static Optional<String> re2Problem(String regex) {
        try {
            com.google.re2j.Pattern.compile(regex);
            return Optional.empty();
        } catch (PatternSyntaxException e) {
            return Optional.of("matches() pattern does not compile with RE2 (" + e.getDescription() + "): " + regex);
        }
    }

    private CelCompiler compilerFor(CelType self, boolean optionalOldSelf) {
        EnumSet<CelStringExtensions.Function> strings = EnumSet.allOf(CelStringExtensions.Function.class);
        strings.remove(CelStringExtensions.Function.REVERSE);
        return CelCompilerFactory.standardCelCompilerBuilder()
                .setOptions(OPTIONS)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addLibraries(CelExtensions.strings(strings), CelExtensions.sets(OPTIONS), CelExtensions.optional(),
                        CelExtensions.comprehensions())
                .setTypeProvider(types)
                .addVar("self", self)
                .addVar("oldSelf", optionalOldSelf ? OptionalType.create(self) : self)
                .build();
    }
}
