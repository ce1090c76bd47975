package cn.minzheng.bureau.dibao.deadline;

import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.engine.CopiedVariables;

/** The applicant's name a supervision task shows (its form and task card): a copy of the household's head. */
@Component
class SupervisionCopiedVariables implements CopiedVariables {

    @Override
    public Map<String, Set<String>> byProcess() {
        return Map.of(SupervisionProcess.KEY, Set.of("applicantName"));
    }
}
