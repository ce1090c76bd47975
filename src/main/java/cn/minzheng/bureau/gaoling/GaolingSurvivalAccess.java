package cn.minzheng.bureau.gaoling;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.access.Groups;
import cn.minzheng.bureau.access.LineOfWork;
import cn.minzheng.bureau.access.ProcessAccess;
import cn.minzheng.bureau.access.Role;

/** 生存认证 runs by itself each year; the district approver may also start it by hand. */
@Component
public class GaolingSurvivalAccess implements ProcessAccess {

    @Override
    public String processKey() {
        return GaolingSurvivalProcess.KEY;
    }

    @Override
    public List<Role> starters() {
        return List.of(Role.district(Groups.DISTRICT_APPROVER));
    }

    @Override
    public LineOfWork lineOfWork() {
        return LineOfWork.ELDERLY_ALLOWANCE;
    }
}
