import { useEffect, useState } from 'preact/hooks';
import type { Region, Village } from '../../api/types';
import { SelectField, type Option } from '../../components/forms';
import { fetchDistricts, fetchVillages } from '../../data';
import { useI18n } from '../../i18n';

/** District → village choice; the village select is named `village_code` like the API field. */
export function VillagePicker({
  idPrefix,
  district,
  village,
  onDistrict,
  onVillage,
  errors,
  hint,
  districts: allowedDistricts,
}: {
  idPrefix: string;
  district: string;
  village: string;
  onDistrict: (code: string) => void;
  onVillage: (code: string) => void;
  errors?: string[] | undefined;
  hint?: string;
  /** Limit the district choice (e.g. an officer's districts); default: all. */
  districts?: Region[];
}) {
  const { t } = useI18n();
  const [districts, setDistricts] = useState<Region[] | null>(allowedDistricts ?? null);
  const [districtError, setDistrictError] = useState(false);
  const [villages, setVillages] = useState<Village[] | null>(null);

  useEffect(() => {
    if (allowedDistricts) return;
    let active = true;
    fetchDistricts()
      .then((list) => active && setDistricts(list))
      .catch(() => active && setDistrictError(true));
    return () => {
      active = false;
    };
  }, []);

  useEffect(() => {
    let active = true;
    setVillages(null);
    if (district) {
      fetchVillages(district)
        .then((list) => active && setVillages(list))
        .catch(() => active && setVillages([]));
    }
    return () => {
      active = false;
    };
  }, [district]);

  const districtOptions: Option[] = (districts ?? []).map((item) => ({
    value: item.code,
    label: item.name,
  }));
  const villageOptions: Option[] = (villages ?? []).map((item) => ({
    value: item.code,
    label: `${item.name} (${t(`profile.kind.${item.kind}`)})`,
  }));

  return (
    <>
      <SelectField
        id={`${idPrefix}-district`}
        name="district"
        label={t('profile.district')}
        hint={districtError ? t('profile.regionsError') : hint}
        value={district}
        options={districtOptions}
        placeholder={t('profile.chooseDistrict')}
        onValue={(value) => {
          onDistrict(value);
          onVillage('');
        }}
      />
      <SelectField
        id={`${idPrefix}-village`}
        name="village_code"
        label={t('profile.village')}
        errors={errors}
        value={village}
        options={villageOptions}
        placeholder={district ? t('profile.chooseVillage') : t('profile.chooseDistrictFirst')}
        disabled={!district}
        required
        onValue={onVillage}
      />
    </>
  );
}
