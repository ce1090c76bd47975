package cn.minzheng.bureau.funeral.benefits;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.access.LineOfWork;
import cn.minzheng.bureau.access.ProcessAccess;
import cn.minzheng.bureau.access.Role;

/** A township clerk takes the family's 生态安葬 application; the township reviewer's review is listed under 社会救助. */
@Component
public class EcoBurialAccess implements ProcessAccess {

    @Override
    public String processKey() {
        return EcoBurialProcess.KEY;
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
