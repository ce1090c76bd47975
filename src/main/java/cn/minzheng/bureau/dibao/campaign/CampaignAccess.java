package cn.minzheng.bureau.dibao.campaign;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.access.Groups;
import cn.minzheng.bureau.access.LineOfWork;
import cn.minzheng.bureau.access.ProcessAccess;
import cn.minzheng.bureau.access.Role;

/** The district approver launches a survey campaign. */
@Component
public class CampaignAccess implements ProcessAccess {

    @Override
    public String processKey() {
        return CampaignProcess.KEY;
    }

    @Override
    public List<Role> starters() {
        return List.of(Role.district(Groups.DISTRICT_APPROVER));
    }

    @Override
    public LineOfWork lineOfWork() {
        return LineOfWork.DIBAO_REVIEW;
    }
}
