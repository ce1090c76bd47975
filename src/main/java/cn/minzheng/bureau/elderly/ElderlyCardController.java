package cn.minzheng.bureau.elderly;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.minzheng.bureau.access.CurrentUser;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.elderly.ElderlyCardRepository.Card;
import cn.minzheng.bureau.elderly.ElderlyCardRepository.Event;

/** 老年人优待证: the cards of the user's township (district roles: every township) and a card's history. */
@RestController
@RequestMapping("/api/elderly/cards")
public class ElderlyCardController {

    private final ElderlyCardRepository cards;
    private final CurrentUser user;

    public ElderlyCardController(ElderlyCardRepository cards, CurrentUser user) {
        this.cards = cards;
        this.user = user;
    }

    /** A card with its dated history. */
    public record CardWithHistory(Card card, List<Event> history) {
    }

    @Operation(summary = "老年人优待证列表（按乡镇（街道））")
    @GetMapping
    public List<Card> list(@RequestParam(required = false) String township) {
        return cards.cards(township).stream().filter(c -> user.maySee(c.townshipCode())).toList();
    }

    @Operation(summary = "一张老年人优待证及其发证、补办记录")
    @GetMapping("/{number}")
    public CardWithHistory get(@PathVariable String number) {
        Card card = cards.cardByNumber(number).filter(c -> user.maySee(c.townshipCode()))
                .orElseThrow(() -> RuleViolation.notFound("老年人优待证" + number));
        return new CardWithHistory(card, cards.history(card.id()));
    }
}
