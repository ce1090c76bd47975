package cn.minzheng.bureau.community.construction;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.access.Groups;
import cn.minzheng.bureau.access.LineOfWork;
import cn.minzheng.bureau.access.ProcessAccess;
import cn.minzheng.bureau.access.Role;

/** The district approver starts a community office construction project. */
@Component
public class OfficeConstructionAccess implements ProcessAccess {

    @Override
    public String processKey() {
        return OfficeConstructionProcess.KEY;
    }

    @Override
    public List<Role> starters() {
        return List.of(Role.district(Groups.DISTRICT_APPROVER));
    }

    @Override
    public LineOfWork lineOfWork() {
        return LineOfWork.COMMUNITY;
    }
}
