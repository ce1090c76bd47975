package cn.minzheng.bureau.tekun;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.access.LineOfWork;
import cn.minzheng.bureau.access.ProcessAccess;
import cn.minzheng.bureau.access.Role;

/**
 * A person's re-assessment is called by the yearly campaign (nobody starts it by hand); the township clerk's and the
 * district approver's tasks are listed under 社会救助, beside 特困供养's 认定.
 */
@Component
public class TekunReassessmentAccess implements ProcessAccess {

    @Override
    public String processKey() {
        return TekunReviewProcess.PERSON_KEY;
    }

    @Override
    public List<Role> starters() {
        return List.of();
    }

    @Override
    public LineOfWork lineOfWork() {
        return LineOfWork.SOCIAL_ASSISTANCE;
    }
}
