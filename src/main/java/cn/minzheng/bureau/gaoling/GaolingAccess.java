package cn.minzheng.bureau.gaoling;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.access.Groups;
import cn.minzheng.bureau.access.LineOfWork;
import cn.minzheng.bureau.access.ProcessAccess;
import cn.minzheng.bureau.access.Role;

/** The monthly proposal runs by itself; a township clerk or the district approver may also start it by hand. */
@Component
public class GaolingAccess implements ProcessAccess {

    @Override
    public String processKey() {
        return GaolingProposalProcess.KEY;
    }

    @Override
    public List<Role> starters() {
        return List.of(Role.TOWNSHIP_CLERKS, Role.district(Groups.DISTRICT_APPROVER));
    }

    @Override
    public LineOfWork lineOfWork() {
        return LineOfWork.ELDERLY_ALLOWANCE;
    }
}
