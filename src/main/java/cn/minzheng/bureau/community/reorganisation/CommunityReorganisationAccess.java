package cn.minzheng.bureau.community.reorganisation;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.access.Groups;
import cn.minzheng.bureau.access.LineOfWork;
import cn.minzheng.bureau.access.ProcessAccess;
import cn.minzheng.bureau.access.Role;

/** The community section drafts a reorganisation plan. */
@Component
public class CommunityReorganisationAccess implements ProcessAccess {

    @Override
    public String processKey() {
        return CommunityReorganisationProcess.KEY;
    }

    @Override
    public List<Role> starters() {
        return List.of(Role.district(Groups.COMMUNITY_SECTION));
    }

    @Override
    public LineOfWork lineOfWork() {
        return LineOfWork.COMMUNITY;
    }
}
