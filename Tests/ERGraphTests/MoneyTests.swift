import Foundation
import Testing
@testable import ERGraph

@Suite("Money")
struct MoneyTests {
    @Test("adds amounts of the same currency and kind exactly")
    func addsExactly() throws {
        let a = Money(amount: Decimal(string: "0.1")!, currency: "USD", kind: .obligated)
        let b = Money(amount: Decimal(string: "0.2")!, currency: "USD", kind: .obligated)
        let sum = try a.adding(b)
        #expect(sum.amount == Decimal(string: "0.3")!)
        #expect(sum.currency == "USD" && sum.kind == .obligated)
    }

    @Test("refuses to add different currencies")
    func refusesCurrencies() {
        let dollars = Money(amount: 1, currency: "USD", kind: .paid)
        let euros = Money(amount: 1, currency: "EUR", kind: .paid)
        #expect(throws: MoneyError.currencyMismatch("USD", "EUR")) { try dollars.adding(euros) }
    }

    @Test("refuses to add different kinds of amount")
    func refusesKinds() {
        let ceiling = Money(amount: 95_900_000, currency: "USD", kind: .ceiling)
        let obligated = Money(amount: 18_500_000, currency: "USD", kind: .obligated)
        #expect(throws: MoneyError.kindMismatch(.ceiling, .obligated)) { try ceiling.adding(obligated) }
    }

    @Test("totals keep currencies and kinds apart, in a stable order")
    func totals() {
        var totals = MoneyTotals()
        totals.add(Money(amount: 2_000_000, currency: "USD", kind: .reported))
        totals.add(Money(amount: 1_100_000, currency: "USD", kind: .reported))
        totals.add(Money(amount: 800_000, currency: "USD", kind: .paid))
        totals.add(Money(amount: 5, currency: "EUR", kind: .reported))
        #expect(totals.totals == [
            Money(amount: 5, currency: "EUR", kind: .reported),
            Money(amount: 800_000, currency: "USD", kind: .paid),
            Money(amount: 3_100_000, currency: "USD", kind: .reported),
        ])
    }

    @Test("parses dataset amounts with exact scaling", arguments: [
        ("3750000", "3750000"), ("3.75M", "3750000"), ("800K", "800000"), ("1.1m", "1100000"),
        ("2B", "2000000000"), ("95_900_000", "95900000"), ("1,200,000", "1200000"), ("0.5", "0.5"),
    ])
    func parsesAmounts(_ text: String, _ expected: String) {
        #expect(Money.parseAmount(text) == Decimal(string: expected))
    }

    @Test("rejects amounts that are not plain numbers",
          arguments: ["$2M", "2 million", "1e6", "1.2.3", "", "M", ".", "5.", "--1", "NaN", "USD 5", "12,5.0", "1,20", ",100"])
    func rejectsAmounts(_ text: String) {
        #expect(Money.parseAmount(text) == nil)
    }

    @Test("compact form for labels", arguments: [
        (2_000_000, "USD", "$2M"), (3_750_000, "USD", "$3.75M"), (800_000, "USD", "$800K"),
        (95_900_000, "USD", "$95.9M"), (1_200, "EUR", "€1200"), (2_500_000_000, "CHF", "CHF 2.5B"),
    ] as [(Int, String, String)])
    func compact(_ amount: Int, _ currency: String, _ expected: String) {
        #expect(Money(amount: Decimal(amount), currency: currency, kind: .reported).compact == expected)
    }

    @Test("currency codes are three upper-case letters")
    func currencyCodes() {
        #expect(Money.isCurrencyCode("USD"))
        #expect(!Money.isCurrencyCode("usd"))
        #expect(!Money.isCurrencyCode("US"))
        #expect(!Money.isCurrencyCode("US$"))
    }
}
