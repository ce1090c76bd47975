package cn.minzheng.bureau.community.mediation;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.access.LineOfWork;
import cn.minzheng.bureau.access.ProcessAccess;
import cn.minzheng.bureau.access.Role;

/** A community's or village's committee registers a dispute for mediation. */
@Component
public class CivilMediationAccess implements ProcessAccess {

    @Override
    public String processKey() {
        return CivilMediationProcess.KEY;
    }

    @Override
    public List<Role> starters() {
        return List.of(Role.COMMUNITY_COMMITTEES);
    }

    @Override
    public LineOfWork lineOfWork() {
        return LineOfWork.COMMUNITY;
    }
}
