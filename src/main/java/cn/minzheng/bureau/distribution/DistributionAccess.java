package cn.minzheng.bureau.distribution;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.access.Groups;
import cn.minzheng.bureau.access.LineOfWork;
import cn.minzheng.bureau.access.ProcessAccess;
import cn.minzheng.bureau.access.Role;

/**
 * The district's 优抚安置科 (慰问 of 优抚对象) and the district approver start a distribution; the townships' clerks
 * sign off their registers, listed under 优抚安置.
 */
@Component
public class DistributionAccess implements ProcessAccess {

    @Override
    public String processKey() {
        return DistributionProcess.KEY;
    }

    @Override
    public List<Role> starters() {
        return List.of(Role.district(Groups.YOUFU_SECTION), Role.district(Groups.DISTRICT_APPROVER));
    }

    @Override
    public LineOfWork lineOfWork() {
        return LineOfWork.YOUFU;
    }
}
