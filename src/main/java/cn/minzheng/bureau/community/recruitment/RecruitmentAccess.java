package cn.minzheng.bureau.community.recruitment;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.access.LineOfWork;
import cn.minzheng.bureau.access.ProcessAccess;
import cn.minzheng.bureau.access.Role;

/** The street office's (township's) clerks run a recruitment round. */
@Component
public class RecruitmentAccess implements ProcessAccess {

    @Override
    public String processKey() {
        return RecruitmentProcess.KEY;
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
