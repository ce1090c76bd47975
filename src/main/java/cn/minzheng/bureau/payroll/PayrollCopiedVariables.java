package cn.minzheng.bureau.payroll;

import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.engine.CopiedVariables;

/** What the payroll task forms show (totals, payees, the stale warning) copies the payroll tables. */
@Component
class PayrollCopiedVariables implements CopiedVariables {

    @Override
    public Map<String, Set<String>> byProcess() {
        return Map.of(PayrollProcess.KEY, Set.copyOf(PayrollTaskForm.SHOWN));
    }
}
