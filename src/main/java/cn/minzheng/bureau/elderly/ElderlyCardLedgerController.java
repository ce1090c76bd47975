package cn.minzheng.bureau.elderly;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;

import cn.minzheng.bureau.elderly.ElderlyCardRepository.Card;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionRepository;
import cn.minzheng.bureau.web.LedgerPage;
import cn.minzheng.bureau.web.LedgerUser;

/**
 * 老年人优待证台账 behind the ledgers' login: the cards a user may see (a township's staff their township's,
 * district roles all), valid and replaced, per township.
 */
@Controller
@LedgerPage
@RequestMapping("/ledger/elderly/cards")
public class ElderlyCardLedgerController {

    private final ElderlyCardRepository cards;
    private final RegionRepository regions;

    public ElderlyCardLedgerController(ElderlyCardRepository cards, RegionRepository regions) {
        this.cards = cards;
        this.regions = regions;
    }

    /** A line of the list: the card with its township's name and its status in Chinese. */
    public record CardLine(Card card, String township, String status) {
    }

    @GetMapping
    public String list(@RequestAttribute(LedgerUser.ATTRIBUTE) LedgerUser user, Model model) {
        List<CardLine> lines = cards.cards(null).stream()
                .filter(c -> user.maySee(c.townshipCode()))
                .map(c -> new CardLine(c, regions.find(c.townshipCode()).map(Region::name).orElse(c.townshipCode()),
                        c.status() == CardStatus.VALID ? "有效" : "已补办作废"))
                .toList();
        model.addAttribute("user", user);
        model.addAttribute("cards", lines);
        return "ledger/elderly-cards";
    }
}
