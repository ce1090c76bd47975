package cn.minzheng.bureau.dibao.recovery;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.access.Groups;
import cn.minzheng.bureau.access.LineOfWork;
import cn.minzheng.bureau.access.ProcessAccess;
import cn.minzheng.bureau.access.Role;

/**
 * A recovery of overpaid benefit is opened by a township's clerks or reviewers (after a report or a
 * review) or by the district approver.
 */
@Component
public class RecoveryAccess implements ProcessAccess {

    @Override
    public String processKey() {
        return RecoveryProcess.KEY;
    }

    @Override
    public List<Role> starters() {
        return List.of(Role.TOWNSHIP_CLERKS, Role.TOWNSHIP_REVIEWERS, Role.district(Groups.DISTRICT_APPROVER));
    }

    @Override
    public LineOfWork lineOfWork() {
        return LineOfWork.DIBAO_REVIEW;
    }
}
