import DeskCore
import DeskHTTP

/// The account pages: sign up, email verification, sign in, sign out, password reset (each in its own
/// file as an extension).
struct AccountPages: PortalPages {
    func register(on routes: PortalRoutes) {
        routes.get("signup", signUpForm)
        routes.post("signup", signUp)
        routes.get("signup/sent", signUpSent)
        routes.get("verify", verify)
        routes.get("signin", signInForm)
        routes.post("signin", signIn)
        routes.post("signout", signOut)
        routes.get("password/forgot", forgotForm)
        routes.post("password/forgot", forgot)
        routes.get("password/reset", resetForm)
        routes.post("password/reset", reset)
    }
}
