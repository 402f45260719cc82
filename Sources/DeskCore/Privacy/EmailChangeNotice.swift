/// The emails sent when an email change is approved: one to the old address (in case the change was not
/// the owner's doing) and one to the new address, in the user's language (English unless "ja").
struct EmailChangeNotice {
    let japanese: Bool

    init(language: String) {
        japanese = language.lowercased().hasPrefix("ja")
    }

    var subject: String {
        japanese ? "メールアドレスの変更が承認されました" : "Your email address has been changed"
    }

    /// To the old address; names the new one so that the owner can tell whether it was theirs.
    func bodyForOldAddress(newEmail: String) -> String {
        japanese
            ? """
              ヘルプセンターのアカウントのメールアドレス変更リクエストが承認されました。
              今後のサインインとお知らせには新しいアドレス（\(newEmail)）が使われます。
              この変更に心当たりがない場合は、サポートまでご連絡ください。
              """
            : """
              Your request to change the email address of your help center account has been approved.
              From now on you sign in and receive messages at the new address (\(newEmail)).
              If you did not ask for this change, please contact support.
              """
    }

    /// To the new address.
    func bodyForNewAddress() -> String {
        japanese
            ? """
              ヘルプセンターのアカウントのメールアドレスがこのアドレスに変更されました。
              今後はこのアドレスでサインインしてください。
              """
            : """
              The email address of your help center account is now this address.
              Sign in with it from now on.
              """
    }
}
