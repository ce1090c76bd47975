package cn.minzheng.bureau.distribution;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.distribution.DistributionRepository.Distribution;
import cn.minzheng.bureau.distribution.DistributionRepository.Recipient;
import cn.minzheng.bureau.distribution.DistributionRules.Definition;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.program.ProgramKind;
import cn.minzheng.bureau.program.ProgramRegistry;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionRepository;

/**
 * The rules and writes of group-distribution.bpmn: a distribution to the group defined by enrolments, its list frozen
 * at creation, each township's sign-off against its list ({@link DistributionRules}).
 */
@Service
public class DistributionService {

    private final DistributionRepository distributions;
    private final ProgramRegistry programs;
    private final RegionRepository regions;

    public DistributionService(DistributionRepository distributions, ProgramRegistry programs, RegionRepository regions) {
        this.distributions = distributions;
        this.programs = programs;
        this.regions = regions;
    }

    /** The programs whose enrolments define a group: those paid monthly (code → name). */
    public Map<String, String> groupPrograms() {
        Map<String, String> group = new LinkedHashMap<>();
        programs.all().stream().filter(p -> p.kind() == ProgramKind.MONTHLY).forEach(p -> group.put(p.code(), p.name()));
        return group;
    }

    /**
     * Checks the distribution, freezes its list from today's active enrolments and stores both; nothing is written if
     * the input is bad or the group is empty.
     */
    public Distribution create(Object name, Object occasion, Object programCodes, Object townships, Object cash,
                               Object itemName, Object itemQuantity, Object itemUnit, String processInstanceId, String actor) {
        Set<String> townshipCodes = regions.townships().stream().map(Region::code).collect(Collectors.toSet());
        Definition definition = DistributionRules.define(name, occasion, programCodes, townships, cash, itemName,
                itemQuantity, itemUnit, groupPrograms(), townshipCodes);
        List<Recipient> group = distributions.group(definition.programCodes(), definition.townships());
        if (group.isEmpty()) {
            throw new RuleViolation("EMPTY_GROUP", "所选救助项目和乡镇（街道）目前没有享受中的对象，无法发放", 422);
        }
        return distributions.insert(definition, group, processInstanceId, actor);
    }

    public Distribution find(long id) {
        return distributions.find(id);
    }

    /** The townships with people on the list: each signs off once. */
    public List<String> townshipsToSignOff(long id) {
        return distributions.recipients(id).stream().map(Recipient::townshipCode).distinct().toList();
    }

    /** 春节慰问：2027年春节走访慰问优抚对象（低保、优抚对象），每人慰问金500.00元. */
    public String describe(long id) {
        Distribution d = distributions.find(id);
        String groups = d.programCodes().stream().map(c -> programs.find(c).map(Program::name).orElse(c))
                .collect(Collectors.joining("、"));
        return d.occasion().label() + "：" + d.name() + "（" + groups + "，"
                + (d.townships().isEmpty() ? "全区" : d.townships().stream().map(this::name).collect(Collectors.joining("、")))
                + "），" + d.definition().perRecipientText() + "，共" + distributions.recipients(id).size() + "人";
    }

    /** A township's share as its sign-off task shows it: 12人，每人…；合计…. */
    public String shareText(long id, String township) {
        int people = listed(id, township).size();
        Definition d = distributions.find(id).definition();
        return people + "人，" + d.perRecipientText() + "；" + d.totalText(people);
    }

    /** The township's list as checklist options: 张三（410…，优抚对象定期抚恤补助）. */
    public List<Map<String, String>> recipientOptions(long id, String township) {
        Map<String, String> names = groupPrograms();
        return distributions.recipients(id).stream().filter(r -> r.townshipCode().equals(township))
                .map(r -> Map.of("label", r.name() + "（" + r.idNumber() + "，" + r.address() + "，"
                                + List.of(r.programCodes().split(",")).stream().map(c -> names.getOrDefault(c, c))
                                        .collect(Collectors.joining("、")) + "）",
                        "value", r.idNumber()))
                .toList();
    }

    /** 发放签领: the township's register against its frozen list, exactly; written once. */
    public void signOff(long id, String township, Object signedIdNumbers, String actor) {
        Distribution d = distributions.find(id);
        List<String> listed = listed(id, township);
        if (listed.isEmpty()) {
            throw new RuleViolation("NO_SHARE", "本乡镇（街道）不在本次发放名单中", 403);
        }
        List<String> signed = DistributionRules.signOff(d.definition(), listed, signedIdNumbers);
        distributions.signOff(id, township, signed,
                Money.of(d.cashPerRecipient().multiply(BigDecimal.valueOf(signed.size()))),
                d.itemQuantity() * signed.size(), actor);
    }

    public void complete(long id) {
        distributions.complete(id);
    }

    public String name(String township) {
        return regions.find(township).map(Region::name).orElse(township);
    }

    private List<String> listed(long id, String township) {
        return distributions.recipients(id).stream().filter(r -> r.townshipCode().equals(township))
                .map(Recipient::idNumber).toList();
    }
}
