namespace OpenDti.Domain.Geography;

/// <summary>The tier of a reporting unit in the administrative hierarchy.</summary>
public enum UnitLevel
{
    /// <summary>The nation (Việt Nam).</summary>
    Nation = 0,

    /// <summary>A province or centrally governed city (tỉnh, thành phố trực thuộc trung ương).</summary>
    Province = 1,

    /// <summary>A district (huyện, quận, thị xã, thành phố thuộc tỉnh); abolished on 1 July 2025.</summary>
    District = 2,

    /// <summary>A commune, ward or special zone (xã, phường, đặc khu).</summary>
    Commune = 3,

    /// <summary>An agency or organisation reporting on its own: a department (sở), a party organisation or cell (chi bộ).</summary>
    Organisation = 4,
}
