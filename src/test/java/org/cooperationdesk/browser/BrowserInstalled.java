package org.cooperationdesk.browser;

import java.util.Optional;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips the browser tests, with the reason, where Chromium or its driver is not installed; evaluated before
 * the application starts, so a machine without a browser pays nothing for them. With
 * {@code -Dbrowser.tests.required=true} (CI) they run anyway and fail in {@link BrowserTestBase#startBrowser(org.junit.jupiter.api.TestInfo)}.
 */
class BrowserInstalled implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<String> missing = Browser.missing();
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("Chromium and chromedriver are installed");
        }
        if (Boolean.getBoolean(BrowserTestBase.REQUIRED_PROPERTY)) {
            return ConditionEvaluationResult.enabled("-D" + BrowserTestBase.REQUIRED_PROPERTY + "=true: run and fail");
        }
        System.out.println(missing.get());
        return ConditionEvaluationResult.disabled(missing.get());
    }
}
