package cn.minzheng.bureau.dibao.review;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.access.LineOfWork;
import cn.minzheng.bureau.access.ProcessAccess;
import cn.minzheng.bureau.access.Role;

/** A township's clerks start a review of a case (the schedule starts the yearly ones). */
@Component
public class ReviewAccess implements ProcessAccess {

    @Override
    public String processKey() {
        return ReviewProcess.KEY;
    }

    @Override
    public List<Role> starters() {
        return List.of(Role.TOWNSHIP_CLERKS);
    }

    @Override
    public LineOfWork lineOfWork() {
        return LineOfWork.DIBAO_REVIEW;
    }
}
