package cn.minzheng.bureau.dibao;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.access.CurrentUser;
import cn.minzheng.bureau.common.RuleViolation;

/**
 * The area rule of the /api/dibao endpoints: township staff see (and register reports, appeals and recoveries
 * for) only their township's cases; a case of another township is "not found".
 */
@Component
public class VisibleCases {

    private final DibaoCaseRepository cases;
    private final CurrentUser currentUser;

    public VisibleCases(DibaoCaseRepository cases, CurrentUser currentUser) {
        this.cases = cases;
        this.currentUser = currentUser;
    }

    /** The case, if the current user may see it. */
    public DibaoCase get(Long caseId) {
        if (caseId == null) {
            throw new RuleViolation("MISSING_FIELD", "请填写低保案件（caseId）");
        }
        return cases.find(caseId).filter(c -> currentUser.maySee(c.townshipCode()))
                .orElseThrow(() -> RuleViolation.notFound("低保案件" + caseId));
    }
}
