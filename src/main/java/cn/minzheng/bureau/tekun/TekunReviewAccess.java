package cn.minzheng.bureau.tekun;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.access.Groups;
import cn.minzheng.bureau.access.LineOfWork;
import cn.minzheng.bureau.access.ProcessAccess;
import cn.minzheng.bureau.access.Role;

/** 特困人员年度复核 runs by itself each year; the district approver may also start a year by hand. */
@Component
public class TekunReviewAccess implements ProcessAccess {

    @Override
    public String processKey() {
        return TekunReviewProcess.KEY;
    }

    @Override
    public List<Role> starters() {
        return List.of(Role.district(Groups.DISTRICT_APPROVER));
    }

    @Override
    public LineOfWork lineOfWork() {
        return LineOfWork.SOCIAL_ASSISTANCE;
    }
}
