using Microsoft.AspNetCore.Identity;

namespace OpenDti.Features.Accounts;

/// <summary>Identity's refusals in Vietnamese first, English second, as every other message of OpenDTI.</summary>
internal sealed class VietnameseIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new()
    {
        Code = nameof(PasswordTooShort),
        Description = $"Mật khẩu cần ít nhất {length} ký tự / the password needs at least {length} characters.",
    };

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => new()
    {
        Code = nameof(PasswordRequiresUniqueChars),
        Description = $"Mật khẩu cần ít nhất {uniqueChars} ký tự khác nhau / the password needs at least {uniqueChars} different characters.",
    };

    public override IdentityError DuplicateUserName(string userName) => new()
    {
        Code = nameof(DuplicateUserName),
        Description = $"Tài khoản '{userName}' đã có / the account '{userName}' already exists.",
    };

    public override IdentityError InvalidUserName(string? userName) => new()
    {
        Code = nameof(InvalidUserName),
        Description = $"Tên đăng nhập chỉ gồm chữ a–z không dấu, số và . - _ @ / a user name has only a–z, digits and . - _ @; nhận được / found '{userName}'.",
    };

    public override IdentityError PasswordMismatch() => new()
    {
        Code = nameof(PasswordMismatch),
        Description = "Mật khẩu không đúng / wrong password.",
    };
}
