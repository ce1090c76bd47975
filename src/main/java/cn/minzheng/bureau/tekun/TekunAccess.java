package cn.minzheng.bureau.tekun;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.access.LineOfWork;
import cn.minzheng.bureau.access.ProcessAccess;
import cn.minzheng.bureau.access.Role;

/** A township clerk registers a 特困供养 application (or the township's own proposal). */
@Component
public class TekunAccess implements ProcessAccess {

    @Override
    public String processKey() {
        return TekunProcess.KEY;
    }

    @Override
    public List<Role> starters() {
        return List.of(Role.TOWNSHIP_CLERKS);
    }

    @Override
    public LineOfWork lineOfWork() {
        return LineOfWork.SOCIAL_ASSISTANCE;
    }
}
