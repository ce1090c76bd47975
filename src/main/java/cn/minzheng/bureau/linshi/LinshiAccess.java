package cn.minzheng.bureau.linshi;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.access.LineOfWork;
import cn.minzheng.bureau.access.ProcessAccess;
import cn.minzheng.bureau.access.Role;

/** A township clerk registers a 临时救助 application; its tasks are listed under 社会救助. */
@Component
public class LinshiAccess implements ProcessAccess {

    @Override
    public String processKey() {
        return LinshiProcess.KEY;
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
