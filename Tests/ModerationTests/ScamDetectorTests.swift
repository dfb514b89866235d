import FeedFetchers
@testable import Moderation
import Testing

@Suite("The scam rule: weighted signs in many languages, with reasons (issue 15)")
struct ScamDetectorTests {
    private static let rule = Rule(id: "scam", action: .hide, kind: .scam(threshold: Rule.defaultScamThreshold))

    private func detail(_ text: String) -> String? {
        RuleEvaluator(post: Post(channel: "rss", textPlain: text), context: ModerationContext()).fires(Self.rule)
    }

    @Test("Scams fire", arguments: [
        "Double your bitcoin in 24 hours! Send 0.1 BTC and get 0.2 back.",
        "Congratulations, you have won an iPhone! Claim your prize: bit.ly/win-now",
        "Buy followers: 10,000 real followers for $9, DM me.",
        "Your account will be suspended, log in at paypal-secure-login.com to verify.",
        "Send ETH to 0x3f5CE5FBFe3E9af3971dD833D26bA9b5C936f0bE and receive double, crypto giveaway!",
        "¡Duplica tu bitcoin! Envía 0,1 BTC y recibe el doble.",
        "Compre seguidores reais agora, só hoje, chama no direct!",
        "Doublez vos bitcoins : envoyez 0,1 BTC, gains garantis.",
        "Verdopple deine Bitcoin, garantierte Rendite, schreib mir privat.",
        "Raddoppia i tuoi bitcoin con un guadagno garantito.",
        "Verdubbel je bitcoin, gegarandeerde winst! Stuur me een DM.",
        "Kup obserwujących tanio, gwarantowany zysk, napisz na priv.",
        "Dubbla dina bitcoin med garanterad vinst, skriv till mig privat.",
        "Fordobl dine bitcoin med garanteret gevinst, skynd dig.",
        "Doble dine bitcoin med garantert avkastning i dag.",
        "Tuplaa bitcoinisi, taattu tuotto, laita yksityisviestiä.",
        "Zdvojnásobte své bitcoiny, garantovaný zisk!",
        "Bitcoinini ikiye katla, garantili kazanç, DM'den yaz.",
        "Duplázd meg a bitcoinod, garantált nyereség, írj privátban.",
        "Dublează-ți bitcoinii, profit garantat, scrie-mi în privat.",
        "Win big, claim your reward at amaz0n-gift.com today only",
    ])
    func fires(text: String) {
        #expect(detail(text) != nil, "\(text)")
    }

    @Test("Legitimate offers, prices, crypto news and giveaways do not", arguments: [
        "Giveaway! Win two tickets to our summer concert: like this post and tag a friend.",
        "Early bird tickets are 15 pounds until Sunday, last chance!",
        "Bitcoin climbed past $90,000 today; our finance desk explains what it means.",
        "Free entry for students this week only.",
        "Read our report at https://www.paypal.com/uk/about and https://apple.com/newsroom",
        "Entradas a 12 € solo hoy, ¡date prisa!",
        "Gewinnspiel: zwei Karten fürs Konzert, Gewinner am Freitag.",
        "Pineapple pizza night at the club, 10 euros a slice.",
        "New post on our blog: bit.ly/our-menu",
    ])
    func stays(text: String) {
        #expect(detail(text) == nil, "\(text)")
    }

    @Test("The reason lists each sign with its weight, and the threshold is the site's to tune")
    func reasonsAndThreshold() {
        let text = "Double your bitcoin! Send 0.5 BTC, DM to claim at bit.ly/x"
        let reason = detail(text) ?? ""
        #expect(reason.hasPrefix("scam score 1: "))
        #expect(reason.contains("scam phrase 'double your bitcoin' (0.45)"))
        #expect(reason.contains("crypto amount '0 5btc'") || reason.contains("crypto amount"))
        #expect(reason.contains("link shortener bit.ly (0.2)"))
        let lenient = Rule(id: "scam", action: .hide, kind: .scam(threshold: 1))
        let strict = Rule(id: "scam", action: .hide, kind: .scam(threshold: 0.1))
        let offer = Post(channel: "rss", textPlain: "Early bird tickets are 15 pounds until Sunday, last chance!")
        #expect(RuleEvaluator(post: offer, context: ModerationContext()).fires(lenient) == nil)
        #expect(RuleEvaluator(post: offer, context: ModerationContext()).fires(strict) != nil)
    }

    @Test("Look-alike domains: digits for letters, a brand with a lure word, a brand as a subdomain; never the brand's own")
    func lookAlikes() {
        let brands: Set<String> = ["paypal", "amazon", "apple", "microsoft"]
        let lures: Set<String> = ["login", "secure", "verify", "gift"]
        #expect(LinkHosts.imitatedBrand("amaz0n.com", brands: brands, lures: lures) == "amazon")
        #expect(LinkHosts.imitatedBrand("rnicrosoft.net", brands: brands, lures: lures) == "microsoft")
        #expect(LinkHosts.imitatedBrand("paypal-secure-login.com", brands: brands, lures: lures) == "paypal")
        #expect(LinkHosts.imitatedBrand("paypal.com.account.ru", brands: brands, lures: lures) == "paypal")
        #expect(LinkHosts.imitatedBrand("www.paypal.com", brands: brands, lures: lures) == nil)
        #expect(LinkHosts.imitatedBrand("support.apple.com", brands: brands, lures: lures) == nil)
        #expect(LinkHosts.imitatedBrand("pineapple.com", brands: brands, lures: lures) == nil)
    }

    @Test("Wallet addresses are recognised, ordinary words and numbers are not")
    func wallets() {
        #expect(ScamDetector.isWalletAddress("0x3f5CE5FBFe3E9af3971dD833D26bA9b5C936f0bE"))
        #expect(ScamDetector.isWalletAddress("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"))
        #expect(ScamDetector.isWalletAddress("1BoatSLRHtKNngkdXEeobR76b53LETtpyT"))
        #expect(!ScamDetector.isWalletAddress("1234567890123456789012345678"))
        #expect(!ScamDetector.isWalletAddress("Scunthorpe"))
    }
}
