print("deskd")
