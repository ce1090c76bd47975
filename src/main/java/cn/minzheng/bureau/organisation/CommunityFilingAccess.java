package cn.minzheng.bureau.organisation;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.access.LineOfWork;
import cn.minzheng.bureau.access.ProcessAccess;
import cn.minzheng.bureau.access.Role;

/** The street office's (township's) clerk files a 社区社会组织; its tasks are listed under 社区建设 with the township's. */
@Component
public class CommunityFilingAccess implements ProcessAccess {

    @Override
    public String processKey() {
        return CommunityFilingProcess.KEY;
    }

    @Override
    public List<Role> starters() {
        return List.of(Role.TOWNSHIP_CLERKS);
    }

    @Override
    public LineOfWork lineOfWork() {
        return LineOfWork.COMMUNITY;
    }
}
