package cn.minzheng.bureau.funeral.benefits;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.access.Groups;
import cn.minzheng.bureau.access.LineOfWork;
import cn.minzheng.bureau.access.ProcessAccess;
import cn.minzheng.bureau.access.Role;

/** Finance settles a month's 惠民殡葬 waivers with the funeral homes (no human task). */
@Component
public class FeeSettlementAccess implements ProcessAccess {

    @Override
    public String processKey() {
        return FeeSettlementProcess.KEY;
    }

    @Override
    public List<Role> starters() {
        return List.of(Role.district(Groups.FINANCE));
    }

    @Override
    public LineOfWork lineOfWork() {
        return LineOfWork.SOCIAL_ASSISTANCE;
    }
}
