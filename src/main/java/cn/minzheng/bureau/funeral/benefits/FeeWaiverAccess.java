package cn.minzheng.bureau.funeral.benefits;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.access.Groups;
import cn.minzheng.bureau.access.LineOfWork;
import cn.minzheng.bureau.access.ProcessAccess;
import cn.minzheng.bureau.access.Role;

/** The funeral home submits a 惠民殡葬 claim; the township reviewer's verification is listed under 社会救助, beside the death registration. */
@Component
public class FeeWaiverAccess implements ProcessAccess {

    @Override
    public String processKey() {
        return FeeWaiverProcess.KEY;
    }

    @Override
    public List<Role> starters() {
        return List.of(Role.district(Groups.FUNERAL_HOME));
    }

    @Override
    public LineOfWork lineOfWork() {
        return LineOfWork.SOCIAL_ASSISTANCE;
    }
}
