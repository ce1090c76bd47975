package cn.minzheng.bureau.dibao.verification;

import java.util.List;

/** What a provider is asked: the members of an applying household, by name and ID number, for one case. */
public record EconomicStatusRequest(String caseNumber, List<Person> people) {

    public record Person(String name, String idNumber) {
    }

    public List<String> idNumbers() {
        return people.stream().map(Person::idNumber).toList();
    }
}
