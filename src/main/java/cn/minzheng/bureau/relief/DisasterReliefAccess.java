package cn.minzheng.bureau.relief;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.access.Groups;
import cn.minzheng.bureau.access.LineOfWork;
import cn.minzheng.bureau.access.ProcessAccess;
import cn.minzheng.bureau.access.Role;

/** The relief section (and the district approver) records a disaster. */
@Component
public class DisasterReliefAccess implements ProcessAccess {

    @Override
    public String processKey() {
        return DisasterReliefProcess.KEY;
    }

    @Override
    public List<Role> starters() {
        return List.of(Role.district(Groups.DISTRICT_APPROVER), Role.district(Groups.RELIEF_HEAD));
    }

    @Override
    public LineOfWork lineOfWork() {
        return LineOfWork.RELIEF;
    }
}
